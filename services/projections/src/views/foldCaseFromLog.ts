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
  const events = prefixUntil(await store.readStream(caseStreamId(caseId)), options.until);
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
 * The events up to a moment: the longest start of the stream whose events all happened (or were
 * recorded) by then. Recorded time follows the stream order. Business time does too for what the
 * write side stores now (a back-dated step is never placed before the step it follows), but an
 * older stream may hold a step dated before an earlier one: it is not folded without the steps
 * it follows, since evolve must see the events in the order they were decided.
 */
function prefixUntil(
  events: readonly RecordedEvent[],
  until: FoldOptions['until'],
): readonly RecordedEvent[] {
  if (!until) return events;
  const limit = Date.parse(until.at);
  const timeOf = (event: RecordedEvent) =>
    Date.parse(until.axis === 'recorded' ? event.metadata.recordedAt : event.metadata.occurredAt);
  const end = events.findIndex((event) => timeOf(event) > limit);
  return end === -1 ? events : events.slice(0, end);
}
