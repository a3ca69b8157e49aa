// The one place this service imports the event store package from, so a change in what the
// package exports is a change here only.
export type {
  EventStore,
  RecordedEvent,
  IntegrityReport,
  Subscription,
  SqlClient,
  SqlDatabase,
  SqlStatement,
  Migration,
} from '@kot/eventstore';
export {
  toNumber,
  runMigrations,
  runCheckpointedSubscriber,
  loadCheckpoint,
  CheckpointConflictError,
} from '@kot/eventstore';
