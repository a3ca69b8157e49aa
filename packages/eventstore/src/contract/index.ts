// Test support, not part of the runtime API: import from '@kot/eventstore/src/contract' or '../contract'.
export { describeEventStoreContract, type ContractOptions } from './eventStoreContract';
export type { ContractFactory, EventStoreContractSubject, TamperHooks } from './contractSubject';
export { newEvent, newEvents, uniqueStreamId, waitFor } from './contractFixtures';
