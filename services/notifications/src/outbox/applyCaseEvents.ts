// The heart of the subscriber, shared by both ways events arrive (the store subscription and the
// Kafka consumer): fold each case event into the minimal state, ask the domain rules whom to tell,
// and put those intents in the outbox, all through the caller's transaction.

import {
  caseEventTypes,
  evolve,
  initialState,
  notificationsForEvent,
  upcast,
  type CaseEventType,
} from '@kot/domain';
import type { RecordedEvent, SqlClient } from '@kot/eventstore';
import { loadCaseStates, saveCaseStates, type StoredCaseState } from '../caseState/caseStateTable';
import { withoutPersonalData } from '../caseState/withoutPersonalData';
import { batchSpanOptions, inSpan, traceparentOf } from '../platformPort';
import { insertIntents, type OutboxIntent } from './insertIntents';

const CASE_STREAM_PREFIX = 'case-';

export class CaseStreamGapError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly receivedRevision: number,
  ) {
    super(
      `Event ${receivedRevision} of ${streamId} arrived before event ${expectedRevision}: ` +
        'the feed lost or reordered an event; refusing to fold a case with a hole in it',
    );
    this.name = 'CaseStreamGapError';
  }
}

export interface AppliedBatch {
  /** Case events folded (redeliveries and other streams not counted). */
  applied: number;
  /** New intents in the outbox. */
  intents: number;
}

const isCaseEventType = (type: string): type is CaseEventType =>
  (caseEventTypes as readonly string[]).includes(type);

/** One batch, in a span that continues the trace of the commands that appended its events. */
export function applyCaseEvents(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  now: Date,
): Promise<AppliedBatch> {
  const span = batchSpanOptions(
    events.map((event) => traceparentOf(event.metadata)),
    { 'kot.events': events.length },
  );
  return inSpan('plan notifications', span, () => applyBatch(tx, events, now, true));
}

/**
 * Folds the batch into the case states as applyCaseEvents does, and plans nothing: for a history
 * taken over as already notified (see adoptHistory.ts).
 */
export function foldCaseEvents(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  now: Date,
): Promise<AppliedBatch> {
  return applyBatch(tx, events, now, false);
}

async function applyBatch(
  tx: SqlClient,
  events: readonly RecordedEvent[],
  now: Date,
  plan: boolean,
): Promise<AppliedBatch> {
  const caseEvents = events.filter((event) => event.streamId.startsWith(CASE_STREAM_PREFIX));
  if (caseEvents.length === 0) return { applied: 0, intents: 0 };
  const caseIds = [...new Set(caseEvents.map((event) => caseIdOf(event.streamId)))];
  const states = await loadCaseStates(tx, caseIds);
  const changed = new Map<string, StoredCaseState>();
  const intents: OutboxIntent[] = [];
  let applied = 0;

  for (const event of caseEvents) {
    const caseId = caseIdOf(event.streamId);
    const stored = states.get(caseId);
    const nextRevision = stored ? stored.streamRevision + 1 : 0;
    if (event.revision < nextRevision) continue; // already folded: a redelivery
    if (event.revision > nextRevision) {
      throw new CaseStreamGapError(event.streamId, nextRevision, event.revision);
    }
    const before = stored?.state ?? initialState();
    let after = before;
    if (isCaseEventType(event.type)) {
      const caseEvent = upcast({
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
      });
      after = withoutPersonalData(evolve(before, caseEvent));
      const planned = plan ? notificationsForEvent(caseEvent, event.eventId, before, after) : [];
      for (const intent of planned) {
        // The event's own trace: its delivery is part of the command that caused it.
        intents.push({
          intent,
          eventType: event.type,
          traceparent: traceparentOf(event.metadata) ?? null,
        });
      }
      applied++;
    }
    const next = { caseId, streamRevision: event.revision, state: after };
    states.set(caseId, next);
    changed.set(caseId, next);
  }

  await saveCaseStates(tx, [...changed.values()], now);
  const inserted = await insertIntents(tx, intents, now);
  return { applied, intents: inserted };
}

export const caseIdOf = (streamId: string): string => streamId.slice(CASE_STREAM_PREFIX.length);
