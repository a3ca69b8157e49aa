// A case folded straight from its stream with the domain's own evolve: for the personal detail
// (personal data is only in the log, never in the read models) and for `caseAsOf`.
import { caseStreamId, evolve, initialState, type CaseState, type Instant } from '@kot/domain';
import type { EventStore, RecordedEvent } from '../eventStorePort';
import { caseEventOf } from '../caseEvents/caseEventOf';
import { withoutPersonalData } from '../personalData/withoutPersonalData';

export type TimeAxisName = 'recorded' | 'business';

export interface FoldOptions {
  /** Only events recorded (or, on the business axis, occurred) at or before this moment. */
  until?: { at: Instant; axis: TimeAxisName };
  /** Keep personal fields; without it they are removed as in the read models. */
  personal: boolean;
}

export interface FoldedCase {
  state: CaseState;
  revision: number;
  eventCount: number;
}

export async function foldCaseFromLog(
  store: EventStore,
  caseId: string,
  options: FoldOptions,
): Promise<FoldedCase | null> {
  const events = (await store.readStream(caseStreamId(caseId))).filter(within(options.until));
  const last = events[events.length - 1];
  if (!last) return null;
  let state = initialState();
  for (const event of events) {
    const caseEvent = caseEventOf(event);
    state = evolve(state, options.personal ? caseEvent : withoutPersonalData(caseEvent));
  }
  return { state, revision: last.revision, eventCount: events.length };
}

/**
 * Recorded time follows the stream order. Business time need not: a fact may be recorded after
 * a later one happened; such events are folded in stream order among those that had occurred.
 */
function within(until: FoldOptions['until']): (event: RecordedEvent) => boolean {
  if (!until) return () => true;
  const limit = Date.parse(until.at);
  return until.axis === 'recorded'
    ? (event) => Date.parse(event.metadata.recordedAt) <= limit
    : (event) => Date.parse(event.metadata.occurredAt) <= limit;
}
