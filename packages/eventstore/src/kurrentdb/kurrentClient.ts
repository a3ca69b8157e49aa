// The part of `@kurrent/kurrentdb-client` this adapter uses, written as a structural type: a real
// `KurrentDBClient` satisfies it (checked below by the compiler). At run time the package is loaded only when a store is
// created from a connection string, so the SQL engines never load the gRPC client. The names and
// literals follow the client's typings.
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

export const ANY = 'any';
export const NO_STREAM = 'no_stream';
export const STREAM_EXISTS = 'stream_exists';
export const START = 'start';
export const END = 'end';
export const FORWARDS = 'forwards';
export const BACKWARDS = 'backwards';

/** A logical record position in KurrentDB's transaction file. */
export interface KurrentPosition {
  commit: bigint;
  prepare: bigint;
}

export type KurrentStreamState = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | bigint;

export type KurrentDirection = typeof FORWARDS | typeof BACKWARDS;

export interface KurrentEventData {
  id: string;
  contentType: 'application/json';
  type: string;
  data: { [key: string]: unknown };
  metadata: { [key: string]: unknown };
}

export interface KurrentRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  /** Always present on $all reads; on stream reads from server 22.6 on. */
  position?: KurrentPosition;
}

export interface KurrentResolvedEvent {
  event?: KurrentRecordedEvent;
  commitPosition?: bigint;
}

export interface KurrentEventTypeFilter {
  filterOn: 'eventType';
  regex: string;
  checkpointInterval: number;
}

export interface KurrentStreamNameFilter {
  filterOn: 'streamName';
  prefixes: string[];
  checkpointInterval: number;
}

export type KurrentFilter = KurrentEventTypeFilter | KurrentStreamNameFilter;

/** KurrentDB's own stream settings as the client hands them over; the rest are custom keys. */
export interface KurrentStreamMetadata {
  maxAge?: number;
  maxCount?: number;
  truncateBefore?: typeof START | typeof END | number;
  cacheControl?: number;
  [key: string]: unknown;
}

/** Every call may ask to be served by the cluster's leader (`requiresLeader`). */
interface LeaderOption {
  requiresLeader?: boolean;
}

export interface KurrentAppendResult {
  success: boolean;
  nextExpectedRevision: bigint;
  position?: KurrentPosition;
}

export interface KurrentAllSubscription extends AsyncIterable<KurrentResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface KurrentClient {
  appendToStream(
    streamName: string,
    events: KurrentEventData[],
    options?: { streamState?: KurrentStreamState } & LeaderOption,
  ): Promise<KurrentAppendResult>;
  readStream(
    streamName: string,
    options?: {
      fromRevision?: typeof START | typeof END | bigint;
      direction?: KurrentDirection;
      maxCount?: number | bigint;
    } & LeaderOption,
  ): AsyncIterable<KurrentResolvedEvent>;
  readAll(options?: {
    fromPosition?: typeof START | typeof END | KurrentPosition;
    direction?: KurrentDirection;
    maxCount?: number | bigint;
    filter?: KurrentFilter;
  }): AsyncIterable<KurrentResolvedEvent>;
  subscribeToAll(options?: {
    fromPosition?: typeof START | typeof END | KurrentPosition;
    filter?: KurrentFilter;
  }): KurrentAllSubscription;
  getStreamMetadata(
    streamName: string,
    options?: LeaderOption,
  ): Promise<{ metadata?: KurrentStreamMetadata; metastreamRevision?: bigint }>;
  setStreamMetadata(
    streamName: string,
    metadata: KurrentStreamMetadata,
    options?: { expectedRevision?: KurrentStreamState } & LeaderOption,
  ): Promise<unknown>;
  dispose(): Promise<void>;
}

// Fails to compile when a client release no longer fits the interface above.
const realClientFits: KurrentDBClient extends KurrentClient ? true : never = true;
void realClientFits;

/** KurrentDB's own events ($metadata, $>, $statsCollected, ...) all have a type starting with `$`. */
export const userEventsOnly: KurrentEventTypeFilter = {
  filterOn: 'eventType',
  regex: '^[^$]',
  checkpointInterval: 1,
};

/**
 * The server-side filter of $all: only the platform's streams when their prefixes are known
 * (other applications' streams never reach the adapter), else every non-system event type.
 */
export function platformEventsFilter(streamPrefixes: readonly string[] | null): KurrentFilter {
  if (!streamPrefixes || streamPrefixes.length === 0) return userEventsOnly;
  return { filterOn: 'streamName', prefixes: [...streamPrefixes], checkpointInterval: 1 };
}

const clientPackage = '@kurrent/kurrentdb-client';

export function isKurrentClientInstalled(): boolean {
  try {
    require.resolve(clientPackage);
    return true;
  } catch {
    return false;
  }
}

/** Connects with a connection string such as `kurrentdb://localhost:2113?tls=false`. */
export function connectKurrentClient(connectionString: string): KurrentClient {
  let loaded: { KurrentDBClient: { connectionString(value: string): KurrentClient } };
  try {
    // Loaded on demand so that the PGlite and PostgreSQL adapters never pay for the gRPC client.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(clientPackage);
  } catch (error) {
    throw new Error(
      `${clientPackage} is not installed; add it with \`npm install ${clientPackage}@1.3.1 -w packages/eventstore\``,
      { cause: error },
    );
  }
  return loaded.KurrentDBClient.connectionString(connectionString);
}

/** Errors from the client carry a string `type` (its `ErrorType` enum). */
export function kurrentErrorType(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'type' in error) {
    const { type } = error as { type: unknown };
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}

export function isWrongExpectedVersion(error: unknown): error is {
  type: 'wrong-expected-version';
  actualState?: typeof NO_STREAM | bigint;
} {
  return kurrentErrorType(error) === 'wrong-expected-version';
}

export function isMaximumAppendSizeExceeded(
  error: unknown,
): error is { type: 'maximum-append-size-exceeded'; maxAppendSize?: number } {
  return kurrentErrorType(error) === 'maximum-append-size-exceeded';
}

export function isStreamNotFound(error: unknown): boolean {
  return kurrentErrorType(error) === 'stream-not-found';
}

/** A hard-deleted (tombstoned) stream: it can never be read or written again. */
export function isStreamTombstoned(error: unknown): boolean {
  const type = kurrentErrorType(error);
  return type === 'stream-deleted' || type === 'stream-tombstoned';
}

/**
 * Failures after which the outcome of a write is not known, or that a moment later may not recur:
 * the server's own timeout (also its answer to a retry whose original is not yet replicated,
 * "IdempotentNotReady", which it drops), the client's deadline, a lost connection, and a node
 * that is no longer the leader. Repeating the same append (same ids, same expectation) is safe:
 * the server answers a repeat of a stored append with the original result.
 */
export function isTransientFailure(error: unknown): boolean {
  const type = kurrentErrorType(error);
  return (
    type === 'timeout' ||
    type === 'deadline-exceeded' ||
    type === 'unavailable' ||
    type === 'not-leader'
  );
}
