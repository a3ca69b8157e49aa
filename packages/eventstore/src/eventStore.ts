// The event store port. It mirrors KurrentDB's semantics so that every adapter (PGlite, PostgreSQL,
// KurrentDB) can honour it; the contract suite in `contract/` proves each one does.

export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | number;

export interface Actor {
  id: string;
  role: string;
  organisation: string;
}

/** What the writer supplies with every event. */
export interface EventMetadata {
  actor: Actor;
  /** Idempotency key of the command that produced the event. */
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  /** Business time: when the fact happened in the world (ISO 8601). */
  occurredAt: string;
  /**
   * W3C trace context of the append that recorded the event, when the writer was traced: readers
   * (projections, notifications, the Kafka relay) continue that trace. Absent when not traced.
   */
  traceparent?: string;
}

export type JsonObject = { [key: string]: unknown };

export interface NewEvent {
  /** UUIDv7; also the idempotency key: re-appending a stored eventId to its stream is a no-op. */
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
}

/** Metadata as stored: the store adds the recorded time and the per-stream hash chain. */
export interface RecordedMetadata extends EventMetadata {
  /** Store time (ISO 8601). */
  recordedAt: string;
  /** SHA-256 (hex) over prevHash and the canonical form of this event. */
  hash: string;
  /** The previous event's hash in this stream; null for revision 0. */
  prevHash: string | null;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  /** 0-based position within the stream. */
  revision: number;
  /**
   * Global, gap-free order of delivery to subscribers (1-based, increasing; not necessarily dense).
   * Always set by readAll and subscriptions. readStream may report 0 ("not known") on an engine
   * whose stream index does not hold it (KurrentDB before 22.6; see kurrentdb/positionMapping.ts).
   */
  position: number;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: RecordedMetadata;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event in the stream after the append (the expected revision for the next one). */
  nextExpectedRevision: number;
  /**
   * Global position of the last appended (or, on an idempotent retry, previously stored) event;
   * 0 where the engine cannot tell (an idempotent retry on KurrentDB before 22.6).
   */
  lastPosition: number;
}

export interface ReadStreamOptions {
  /** Inclusive revision to start from (default: first, or last when reading backwards). */
  from?: number;
  /** Inclusive revision to stop at. */
  to?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

export interface ReadAllOptions {
  /** Exclusive: return events after this global position (default 0 = from the start). */
  fromPosition?: number;
  limit?: number;
}

export interface SubscribeToAllOptions {
  /** The last position the subscriber has fully handled; delivery starts after it. null/0 = from the start. */
  fromCheckpoint?: number | null;
  batchSize?: number;
  /** Called with batches in global order; the next batch waits until the promise resolves. A throw stops the subscription. */
  handler: (events: RecordedEvent[]) => Promise<void>;
}

export interface Subscription {
  /** Resolves once every event committed before the call has been handled. */
  whenCaughtUp(): Promise<void>;
  /** Stops after the batch in progress; resolves when stopped. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects with the handler's error. */
  readonly done: Promise<void>;
}

export interface StreamMetadata {
  [key: string]: unknown;
}

export interface IntegrityReport {
  streamId: string;
  valid: boolean;
  eventCount: number;
  /** The first revision whose hash, link or numbering does not hold, with the reason. */
  firstInvalidRevision: number | null;
  reason: string | null;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The first event (revision 0) of each of these streams that has one, in no particular order:
   * one round trip on the SQL engines, e.g. for the cases on a page of a list.
   */
  readStreamStarts(streamIds: readonly string[]): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  getStreamMetadata(streamId: string): Promise<StreamMetadata | null>;
  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void>;
  verifyStream(streamId: string): Promise<IntegrityReport>;
  close(): Promise<void>;
}
