// The KurrentDB adapter of the EventStore port. Test support (the container and the contract
// subject) is deliberately not exported.
export { createKurrentEventStore, type KurrentEventStoreOptions } from './kurrentEventStore';
export {
  connectKurrentClient,
  isKurrentClientInstalled,
  type KurrentClient,
} from './kurrentClient';
