// @kot/eventstore: the EventStore port, its SQL adapters (PGlite, PostgreSQL), checkpointed
// subscribers, personal-data protection and the hash chain. The contract test suite is in
// `./contract` (test code, not exported here).

export * from './eventStore';
export * from './errors';
export { MAX_APPEND_BYTES, MAX_EVENT_BYTES, MAX_EVENTS_PER_APPEND } from './limits';
export { prepareAppend, type PreparedAppend, type PreparedEvent } from './prepareAppend';
export * from './integrity';
export * from './sql';
export * from './subscriptions';
export * from './personalData';
export {
  openEventStore,
  type EventStoreConfig,
  type OpenedEventStore,
  type OpenEventStoreOptions,
} from './openEventStore';
