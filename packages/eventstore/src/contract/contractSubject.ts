// What an adapter hands the contract suite.

import type { EventStore, JsonObject } from '../eventStore';
import type { SqlDatabase } from '../sql/sqlDatabase';

export interface EventStoreContractSubject {
  store: EventStore;
  /** A SQL database for subscriber checkpoints and the key store (for SQL adapters the store's own). */
  database: SqlDatabase;
  /**
   * Another store on the same data, on its own connection where the engine has more than one (as
   * another process would open it); the tests close it without affecting `store`.
   */
  openAnotherStore(): Promise<EventStore>;
  /** Changes stored events behind the store's back; omit where the engine cannot, and say why in ContractOptions.tamperUnavailable. */
  tamper?: TamperHooks;
  /** Releases whatever the factory opened. */
  close(): Promise<void>;
}

export interface TamperHooks {
  alterData(streamId: string, revision: number, data: JsonObject): Promise<void>;
  remove(streamId: string, revision: number): Promise<void>;
  swap(streamId: string, revisionA: number, revisionB: number): Promise<void>;
}

export type ContractFactory = () => Promise<EventStoreContractSubject>;
