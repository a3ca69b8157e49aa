export {
  runCheckpointedSubscriber,
  loadCheckpoint,
  CheckpointConflictError,
  type CheckpointedSubscriberOptions,
} from './runCheckpointedSubscriber';
export { CHECKPOINT_COMPONENT, checkpointMigrations } from './checkpointSchema';
