// What the scenarios need from a system under test. Our stores, Emmett and the raw database
// ceiling each implement it; a target without a capability (the raw table has no subscriber)
// leaves it out and its cell prints as n/a.
import type { NewEvent } from '../src/eventStore';
import type { BenchEventData, ReplayState } from './workload';

export interface BenchTarget {
  readonly name: string;
  /** Appends one event to streamId, whose current revision is `revision` (-1: a new stream). */
  appendOne(streamId: string, revision: number, event: NewEvent): Promise<void>;
  /** Reads the first `count` events in global order, in pages, decodes them and folds them. */
  replay(count: number): Promise<ReplayState>;
  /** The same through the subscriber API from the start (what a projection rebuild does). */
  replayBySubscriber?(count: number): Promise<ReplayState>;
  /** Appends `events` in one call to a new stream (used to fill the store for the replay). */
  appendBatch(streamId: string, events: NewEvent[]): Promise<void>;
  /** Events stored so far. */
  eventCount(): Promise<number>;
  /** Starts delivering the data of events appended from now on; resolves when listening. */
  subscribe?(onEvent: (data: BenchEventData) => void): Promise<{ stop(): Promise<void> }>;
  /**
   * The same on a database connection of its own, as a subscriber in another process (the
   * projections service running on its own) would be: woken across connections, not in process.
   */
  subscribeOnOwnConnection?(
    onEvent: (data: BenchEventData) => void,
  ): Promise<{ stop(): Promise<void> }>;
  close(): Promise<void>;
}
