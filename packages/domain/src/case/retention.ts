// The retention rule (bewaartermijn): a closed or withdrawn case keeps the family's personal data
// for a fixed number of days after it ended, then the platform erases it. The process stays.
import { addDays, type IsoDate } from '../calendar';
import { PLATFORM, type Actor } from '../parties';
import type { ErasePersonalData } from './commands';
import type { CaseState } from './state';

/** The platform's own privacy officer: it may erase only when the retention period ended. */
export const retentionActor: Actor = {
  id: 'platform-retention',
  role: 'privacy-officer',
  organisation: PLATFORM,
  name: 'Bewaartermijn (platform)',
};

type RetentionView = Pick<CaseState, 'status' | 'closure'> & { erasedOn?: IsoDate | null };

/**
 * Whether this case's personal data is due for erasure on `today`: it ended (closed or withdrawn)
 * at least `retentionDays` days ago and was not erased yet. A case reopened by a stop of KOT is
 * open again and waits for its new end.
 */
export function dueForErasure(
  state: RetentionView,
  today: IsoDate,
  retentionDays: number,
): boolean {
  if (state.status !== 'closed' && state.status !== 'withdrawn') return false;
  if (state.erasedOn || !state.closure) return false;
  return addDays(state.closure.on, retentionDays) <= today;
}

/** The cases of these that are due for erasure on `today`, in the order given. */
export function casesDueForErasure(
  cases: ReadonlyArray<{ caseId: string; state: RetentionView }>,
  today: IsoDate,
  retentionDays: number,
): string[] {
  return cases
    .filter(({ state }) => dueForErasure(state, today, retentionDays))
    .map(({ caseId }) => caseId);
}

/** The command the retention rule sends for a case that is due. */
export const retentionErasure = (caseId: string): ErasePersonalData => ({
  type: 'ErasePersonalData',
  caseId,
  ground: 'retention-period-ended',
});
