// The EventStore port on a SqlDatabase (PGlite or PostgreSQL): same schema, same statements.

import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../eventStore';
import {
  AppendFailedError,
  EventStoreClosedError,
  EventStoreError,
  IdempotencyConflictError,
  InvalidEventError,
  WrongExpectedRevisionError,
} from '../errors';
import { canonicalJson, NotJsonError } from '../integrity/canonicalJson';
import { verifyHashChain } from '../integrity/hashChain';
import {
  assertStreamId,
  assertStreamIds,
  assertStreamMetadata,
  prepareAppend,
} from '../prepareAppend';
import { assertReadAllOptions, assertReadStreamOptions } from '../readOptions';
import { startCatchUpSubscription } from './catchUpSubscription';
import {
  DEFAULT_HELD_BACK_WARNING_MS,
  warnDeliveryHeldBack,
  type DeliveryHeldBack,
} from './deliveryHeldBack';
import { EVENT_STORE_COMPONENT, eventStoreMigrations } from './eventStoreSchema';
import { eventStoreStatements as statements } from './eventStoreStatements';
import { createGroupCommit } from './groupCommit';
import { runMigrations } from './migrations';
import { toRecordedEvent, type RecordedEventRow } from './recordedEventRow';
import { createSqlAppendWriter, type AppendRow } from './sqlAppendWriter';
import { toNumber, type SqlDatabase } from './sqlDatabase';

export interface SqlEventStoreOptions {
  /** Close the database with the store (true when the store opened it). Default false. */
  ownsDatabase?: boolean;
  /** Safety-net poll of live subscriptions when no wake-up arrives. Default 2000 ms. */
  fallbackPollMs?: number;
  /**
   * Group commit: transactions of queued appends written at the same time (each holds a
   * connection). Default 2 on PostgreSQL, 1 on PGlite (one connection).
   */
  concurrentAppendBatches?: number;
  /**
   * How long a subscription may be held back behind the visibility horizon (an older transaction
   * still open somewhere in the cluster) before it says so. Default 10 s.
   */
  heldBackWarningMs?: number;
  /** Where that is said, once per episode and again when delivery resumes. Default: a line on stderr. */
  onDeliveryHeldBack?: (notice: DeliveryHeldBack) => void;
}

const DEFAULT_FALLBACK_POLL_MS = 2000;

/** Runs the event store migrations, then returns the store. */
export async function createSqlEventStore(
  db: SqlDatabase,
  options: SqlEventStoreOptions = {},
): Promise<EventStore> {
  await runMigrations(db, EVENT_STORE_COMPONENT, eventStoreMigrations);
  // Scoped by schema so test runs (and tenants) in one PostgreSQL database do not wake each other.
  const channel = `eventstore_${db.schema}`;
  const fallbackPollMs = options.fallbackPollMs ?? DEFAULT_FALLBACK_POLL_MS;
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new EventStoreClosedError();
  };
  const groupCommit = createGroupCommit(
    createSqlAppendWriter(db),
    options.concurrentAppendBatches ?? (db.engine === 'postgres' ? 2 : 1),
  );
  const readHorizon = async () => {
    const [row] = await db.query<{ horizon: unknown; head: unknown }>(statements.horizon);
    return { horizon: toNumber(row?.horizon), head: toNumber(row?.head ?? 0) };
  };
  // Two statements: the events' snapshot must be younger than the horizon's (see the schema).
  const readAfter = async (position: number, limit: number | null) => {
    const { horizon, head } = await readHorizon();
    const rows = await db.query<RecordedEventRow>(statements.readAll, [position, horizon, limit]);
    return { events: rows.map(toRecordedEvent), horizon, head };
  };
  const readStream = async (
    streamId: string,
    readOptions: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> => {
    assertOpen();
    assertStreamId(streamId);
    assertReadStreamOptions(readOptions);
    const { from, to, limit } = readOptions;
    const backwards = readOptions.direction === 'backwards';
    const rows = await db.query<RecordedEventRow>(
      backwards ? statements.readStreamBackwards : statements.readStreamForwards,
      backwards
        ? [streamId, from ?? Number.MAX_SAFE_INTEGER, to ?? 0, limit ?? null]
        : [streamId, from ?? 0, to ?? Number.MAX_SAFE_INTEGER, limit ?? null],
    );
    return rows.map(toRecordedEvent);
  };

  return {
    async append(streamId: string, events: NewEvent[], appendOptions?: AppendOptions) {
      assertOpen();
      const prepared = prepareAppend(streamId, events, appendOptions);
      let row: AppendRow;
      try {
        row = await groupCommit.append(prepared);
      } catch (error) {
        // A transaction that failed as a whole (alone or as a batch): the driver's error as cause.
        if (error instanceof EventStoreError) throw error;
        throw new AppendFailedError(streamId, databaseReason(error), { cause: error });
      }
      return appendResult(
        streamId,
        prepared.expectedRevision,
        prepared.events.map((event) => event.eventId),
        row,
        () => db.notify(channel),
      );
    },

    readStream,

    async readStreamStarts(streamIds) {
      assertOpen();
      assertStreamIds(streamIds);
      if (streamIds.length === 0) return [];
      const rows = await db.query<RecordedEventRow>(statements.readStreamStarts, [[...streamIds]]);
      return rows.map(toRecordedEvent);
    },

    async readAll(readOptions: ReadAllOptions = {}) {
      assertOpen();
      assertReadAllOptions(readOptions);
      return (await readAfter(readOptions.fromPosition ?? 0, readOptions.limit ?? null)).events;
    },

    subscribeToAll(subscribeOptions: SubscribeToAllOptions) {
      assertOpen();
      const subscription = startCatchUpSubscription(
        {
          readAfter,
          readHorizon,
          onWakeUp: (callback) => db.listen(channel, callback),
          fallbackPollMs,
          heldBack: {
            warnAfterMs: options.heldBackWarningMs ?? DEFAULT_HELD_BACK_WARNING_MS,
            report: options.onDeliveryHeldBack ?? warnDeliveryHeldBack,
          },
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      subscription.done.then(
        () => subscriptions.delete(subscription),
        () => subscriptions.delete(subscription),
      );
      return subscription;
    },

    async getStreamMetadata(streamId: string) {
      assertOpen();
      assertStreamId(streamId);
      const [row] = await db.query<{ metadata: StreamMetadata }>(statements.getStreamMetadata, [
        streamId,
      ]);
      return row?.metadata ?? null;
    },

    async setStreamMetadata(streamId: string, metadata: StreamMetadata) {
      assertOpen();
      assertStreamId(streamId);
      let text: string;
      try {
        assertStreamMetadata(metadata);
        text = canonicalJson(metadata);
      } catch (error) {
        if (error instanceof NotJsonError) {
          throw new InvalidEventError(`stream metadata is not JSON at ${error.message}`);
        }
        throw error;
      }
      await db.query(statements.setStreamMetadata, [streamId, text]);
    },

    async verifyStream(streamId: string) {
      return verifyHashChain(streamId, await readStream(streamId));
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      // Appends accepted before close() still get their outcome.
      await groupCommit.idle();
      if (options.ownsDatabase) await db.close();
    },
  };
}

function appendResult(
  streamId: string,
  expected: ExpectedRevision,
  eventIds: string[],
  row: AppendRow,
  wakeSubscribers: () => void,
): AppendResult {
  switch (row.outcome) {
    case 'appended':
      wakeSubscribers();
      return {
        streamId,
        nextExpectedRevision: toNumber(row.stream_revision),
        lastPosition: toNumber(row.last_position),
      };
    case 'idempotent':
      return {
        streamId,
        nextExpectedRevision: toNumber(row.stream_revision),
        lastPosition: toNumber(row.last_position),
      };
    case 'wrong_expected_revision': {
      const actual = toNumber(row.stream_revision);
      throw new WrongExpectedRevisionError(streamId, expected, actual < 0 ? 'no_stream' : actual);
    }
    case 'idempotency_conflict':
      throw new IdempotencyConflictError(
        streamId,
        eventIds,
        'some of these event ids are already stored (here or in another stream) and some are not: ' +
          'a retry must repeat the same append, new events need new ids',
      );
    case 'unknown':
      throw new AppendFailedError(streamId, 'the database reported event ids it does not hold');
  }
}

function databaseReason(error: unknown): string {
  const { message, code } = error as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  return typeof code === 'string' ? `${text} (SQLSTATE ${code})` : text;
}
