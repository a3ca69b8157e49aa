// Changes of circumstances (a partner starts or stops working, a separation, a child, childcare,
// an indication) each hold from their own effective date: the case's circumstances on a day are
// the referral's facts with every change effective by then applied. While KOT runs, Toeslagen must
// hear of a change (seed 000: the form "Gegevens kinderopvang opgeven of wijzigen"); a change not
// passed on is the reclaim risk the families fear (seed 000 "angst voor terugvorderingen").
import { addDays, maxDate, type IsoDate } from '../calendar';
import type {
  Child,
  Childcare,
  Household,
  IndicationKind,
  WlzIndication,
  WorkStatus,
} from './household';
import type { CaseState } from './state';

export const householdChangeKinds = [
  'partner-work' /* a partner starts or stops working (workStatus) */,
  'separation' /* the partners separate; partnerId leaves the household */,
  'child-added' /* a child joins the household (child) */,
  'childcare' /* a child's childcare: location (LRK), type, hours or hourly rate */,
  'childcare-ended' /* a child no longer goes to paid childcare */,
  'indication-changed' /* an indication extended or changed (indicationKind, validTo) */,
  'indication-ended' /* an indication ended the day before the effective date */,
] as const;
export type HouseholdChangeKind = (typeof householdChangeKinds)[number];

/** What changed; which fields are present depends on `changeKind` (validation says which). */
export interface HouseholdChangeFacts {
  changeKind: HouseholdChangeKind;
  partnerId?: string;
  workStatus?: WorkStatus;
  /** Personal data (name, BSN, birth date): encrypted in the log. */
  child?: Child;
  childId?: string;
  childcare?: Childcare;
  indicationKind?: IndicationKind;
  validTo?: IsoDate;
}

export interface RecordedChange extends HouseholdChangeFacts {
  changeId: string;
  effectiveFrom: IsoDate;
  recordedOn: IsoDate;
  /** The day the claimant (or the household) passed it to Toeslagen. */
  passedOn?: IsoDate;
  /** The day Toeslagen recorded it processed. */
  processedOn?: IsoDate;
}

export interface Circumstances {
  household: Household;
  children: Child[];
}

function applyChange(facts: Circumstances, change: RecordedChange): Circumstances {
  const { household, children } = facts;
  const withPartner = (update: (indication: WlzIndication | null) => WlzIndication | null) =>
    household.partners.map((partner) =>
      partner.partnerId === change.partnerId
        ? { ...partner, wlzIndication: update(partner.wlzIndication) }
        : partner,
    );
  switch (change.changeKind) {
    case 'partner-work':
      return {
        children,
        household: {
          ...household,
          partners: household.partners.map((partner) =>
            partner.partnerId === change.partnerId && change.workStatus
              ? { ...partner, workStatus: change.workStatus }
              : partner,
          ),
        },
      };
    case 'separation':
      return {
        children,
        household: {
          composition: 'single-parent',
          partners: household.partners.filter((p) => p.partnerId !== change.partnerId),
        },
      };
    case 'child-added':
      return change.child ? { household, children: [...children, change.child] } : facts;
    case 'childcare':
    case 'childcare-ended':
      return {
        household,
        children: children.map((child) =>
          child.childId === change.childId
            ? {
                ...child,
                childcare: change.changeKind === 'childcare' ? (change.childcare ?? null) : null,
              }
            : child,
        ),
      };
    case 'indication-changed':
      return {
        children,
        household: {
          ...household,
          partners: withPartner((current) => {
            const { validTo: _old, ...rest } = current ?? { kind: 'unknown' as const };
            return {
              ...rest,
              kind: change.indicationKind ?? rest.kind,
              ...(change.validTo ? { validTo: change.validTo } : {}),
            };
          }),
        },
      };
    case 'indication-ended':
      return {
        children,
        household: {
          ...household,
          partners: withPartner((current) => ({
            ...(current ?? { kind: 'unknown' }),
            validTo: addDays(change.effectiveFrom, -1),
          })),
        },
      };
  }
}

/** The indication CIZ confirmed, as a change on that partner moved or ended it by `on`. */
function confirmedIndicationOn(state: CaseState, on: IsoDate): CaseState['indication'] {
  const confirmed = state.indication;
  if (!confirmed) return null;
  return effectiveChanges(state, on)
    .filter((change) => change.partnerId === confirmed.partnerId)
    .reduce<NonNullable<CaseState['indication']>>((indication, change) => {
      if (change.changeKind === 'indication-ended')
        return { ...indication, validTo: addDays(change.effectiveFrom, -1) };
      if (change.changeKind !== 'indication-changed') return indication;
      const { validTo: _old, ...rest } = indication;
      return {
        ...rest,
        kind: change.indicationKind ?? indication.kind,
        ...(change.validTo ? { validTo: change.validTo } : {}),
      };
    }, confirmed);
}

/** The changes in effect on `on`, in the order of their effective dates (then of recording). */
const effectiveChanges = (state: CaseState, on: IsoDate): RecordedChange[] =>
  state.householdChanges
    .filter((change) => change.effectiveFrom <= on)
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    );

/** The household, children and confirmed indication as they were on `on`. */
export function circumstancesOn(
  state: CaseState,
  on: IsoDate,
): Circumstances & { indication: CaseState['indication'] } {
  const base: Circumstances = { household: state.household!, children: state.children };
  const facts = effectiveChanges(state, on).reduce(applyChange, base);
  return { ...facts, indication: confirmedIndicationOn(state, on) };
}

/** KOT paid (or pays) for some day from `from` on. */
const kotPaysFrom = (state: CaseState, from: IsoDate): boolean =>
  state.kot.some((period) => period.to === undefined || period.to >= from);

/** Changes Toeslagen must hear of: KOT pays for days from their effective date, not passed on yet. */
export const changesToPass = (state: CaseState): RecordedChange[] =>
  state.householdChanges.filter(
    (change) => change.passedOn === undefined && kotPaysFrom(state, change.effectiveFrom),
  );

/** Changes passed to Toeslagen that it has not recorded processed yet. */
export const changesToProcess = (state: CaseState): RecordedChange[] =>
  state.householdChanges.filter(
    (change) => change.passedOn !== undefined && change.processedOn === undefined,
  );

export interface ReclaimRisk {
  /** The first day KOT was paid on circumstances that had changed without Toeslagen knowing. */
  since: IsoDate;
  changeIds: string[];
}

/**
 * KOT keeps being paid on facts that are no longer true while a change is not passed on: after the
 * year Toeslagen settles on the true facts and reclaims what was paid too much.
 */
export function reclaimRisk(state: CaseState): ReclaimRisk | null {
  const open = changesToPass(state);
  if (open.length === 0) return null;
  const firstKot = state.kot[0]?.from ?? open[0]!.effectiveFrom;
  const since = open
    .map((change) => maxDate(change.effectiveFrom, firstKot))
    .reduce((a, b) => (a <= b ? a : b));
  return { since, changeIds: open.map((change) => change.changeId) };
}
