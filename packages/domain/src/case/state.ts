import { addDays, minDate, type IsoDate } from '../calendar';
import type { PartyRef } from '../parties';
import type {
  CaseEvent,
  ClosingOutcome,
  ErasureGround,
  LetterChannel,
  ObjectedDecision,
  RejectionReason,
  SettlementOutcome,
} from './events';
import type { RecordedChange } from './householdChanges';
import type { Child, Household, IndicationKind, Period } from './household';
import type { Mandate } from './mandate';

/**
 * Where the case is in the process. The stage does not say who owns the next step: that is
 * `nextStep`, which also looks at the claim (a released claim leaves the stage as it was).
 */
export const caseStatuses = [
  'new',
  'referred' /* opened by the SMI officer; not claimed */,
  'claimed' /* a supporter or the household took it on */,
  'requested' /* KOT asked for by phone or letter; Toeslagen must register the Wlz request */,
  'indication-check' /* Toeslagen registered the request; it looks the indication up in CIZ's data */,
  'indication-missing' /* not in CIZ's data; the claimant sends a copy of CIZ's decision */,
  'forms-pending' /* indication shown; Toeslagen must send the application forms */,
  'forms-sent' /* the supporter must fill in, sign and return the forms */,
  'application-submitted' /* posted; Toeslagen must register receipt */,
  'awaiting-decision' /* Toeslagen decides within 5 weeks */,
  'granted',
  'rejected' /* responsibility is back with the municipality */,
  'objection' /* bezwaar pending at Toeslagen */,
  'appeal' /* beroep pending at the administrative court */,
  'kot-stopped' /* a granted KOT was stopped or set to zero: the case is open again */,
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export interface Indication {
  partnerId: string;
  kind: IndicationKind;
  validFrom: IsoDate;
  validTo?: IsoDate;
  source: 'ciz' | 'copy';
  /** The day CIZ re-assessed it and said it ends on `validTo` (no renewal follows). */
  endsAfterReassessment?: IsoDate;
}

export interface Decision {
  outcome: 'granted' | 'rejected';
  decidedOn: IsoDate;
  grantedFrom?: IsoDate;
  reason?: RejectionReason;
  explanation?: string;
}

export interface DecisionLetter {
  decidedOn: IsoDate;
  about: 'decision' | 'stop' | 'objection' | 'ruling';
  confirmations: Array<{ by: PartyRef; channel: LetterChannel; receivedOn: IsoDate }>;
}

/** The officer accepted these days without funding, with this reason (see fundingGapAcceptance). */
export interface AcceptedGap {
  from: IsoDate;
  /** Absent: until funding resumes (or the outlook changes, which sets it). */
  to?: IsoDate;
  reason: string;
  acceptedOn: IsoDate;
}

/**
 * An application that ended in a rejection or a stopped allowance before the family applied again.
 * Kept without free text: the events hold the explanations, encrypted.
 */
export interface EarlierOutcome {
  application: { submittedOn: IsoDate; requestedStart: IsoDate; receivedOn?: IsoDate } | null;
  decision: Omit<Decision, 'explanation'> | null;
  kotStop: { stoppedFrom: IsoDate; decidedOn: IsoDate; setToZero: boolean } | null;
  objection: CaseState['objection'];
}

export interface CaseState {
  status: CaseStatus;
  caseId: string;
  municipality: string;
  referringOfficer: PartyRef | null;
  referredOn: IsoDate | null;
  /** Who signalled the family, when the case came in by a signal rather than an SMI referral. */
  signalledBy: PartyRef | null;
  /** The last recorded eligibility check, as it was recorded (the rules may say more today). */
  lastEligibilityCheck: {
    checkedOn: IsoDate;
    verdict: 'yes' | 'no' | 'unknown';
    unmet: string[];
    unknown: string[];
  } | null;
  household: Household | null;
  children: Child[];
  /** SMI periods, each with an end date (SMI is always temporary). */
  smi: Array<Period & { to: IsoDate }>;
  /** Granted KOT periods; the last one is open-ended while KOT runs. */
  kot: Period[];
  offer: { to: PartyRef; offeredOn: IsoDate } | null;
  claim: { by: PartyRef; mandate: Mandate; claimedOn: IsoDate } | null;
  indication: Indication | null;
  indicationNotFoundOn: IsoDate | null;
  request: {
    channel: 'phone' | 'letter';
    requestedOn: IsoDate;
    callbackExpectedOn?: IsoDate;
  } | null;
  wlzRequestRegisteredOn: IsoDate | null;
  formsSentOn: IsoDate | null;
  application: { submittedOn: IsoDate; requestedStart: IsoDate; receivedOn?: IsoDate } | null;
  decision: Decision | null;
  kotStop: { stoppedFrom: IsoDate; decidedOn: IsoDate; setToZero: boolean; reason: string } | null;
  objection: {
    filedOn: IsoDate;
    against: ObjectedDecision;
    decidedOn?: IsoDate;
    upheld?: boolean;
    /** Filed after its period, with a reason (Awb 6:11); Toeslagen says whether that is excused. */
    late?: boolean;
    lateExcused?: boolean;
  } | null;
  /** Beroep against the decision on the objection, and the court's ruling once recorded. */
  appeal: {
    filedOn: IsoDate;
    against: ObjectedDecision;
    ruledOn?: IsoDate;
    outcome?: 'upheld' | 'dismissed';
  } | null;
  /** The latest decision letter and who confirmed it reached them (Berichtenbox or post). */
  decisionLetter: DecisionLetter | null;
  acceptedGaps: AcceptedGap[];
  /** Earlier applications of this case that were rejected or stopped, oldest first. */
  earlierOutcomes: EarlierOutcome[];
  closure: { on: IsoDate; outcome: ClosingOutcome | 'withdrawn'; note?: string } | null;
  /** The status the case was in when it last entered it, and on which business date. */
  statusSince: IsoDate | null;
  /** The day the family's personal data was erased; the process itself stays as it was. */
  erasedOn: IsoDate | null;
  /** On which GDPR ground it was erased (who erased is in the event's actor). */
  erasureGround: ErasureGround | null;
  /** Changes of circumstances, each from its effective date (householdChanges). */
  householdChanges: RecordedChange[];
  /** Corrections of which partner holds the indication; unchecked until Toeslagen confirms that partner. */
  corrections: Correction[];
  /** Definitive settlements of KOT per year (vaststelling). */
  settlements: Array<{
    year: number;
    outcome: SettlementOutcome;
    amountCents: number;
    settledOn: IsoDate;
  }>;
}

export interface Correction {
  partnerId: string;
  previousPartnerId: string | null;
  correctedOn: IsoDate;
  /** The day CIZ confirmed (or a copy of its decision showed) the corrected partner's indication. */
  checkedOn?: IsoDate;
}

export const initialState = (): CaseState => ({
  status: 'new',
  caseId: '',
  municipality: '',
  referringOfficer: null,
  referredOn: null,
  signalledBy: null,
  lastEligibilityCheck: null,
  household: null,
  children: [],
  smi: [],
  kot: [],
  offer: null,
  claim: null,
  indication: null,
  indicationNotFoundOn: null,
  request: null,
  wlzRequestRegisteredOn: null,
  formsSentOn: null,
  application: null,
  decision: null,
  kotStop: null,
  objection: null,
  appeal: null,
  decisionLetter: null,
  acceptedGaps: [],
  earlierOutcomes: [],
  closure: null,
  statusSince: null,
  erasedOn: null,
  erasureGround: null,
  householdChanges: [],
  corrections: [],
  settlements: [],
});

/**
 * A state a read model stored before fields were added to it: the missing ones start as a new
 * case's (no changes, corrections or settlements), so rules never read a field that is not there.
 */
export const storedState = (state: CaseState): CaseState => ({ ...initialState(), ...state });

export const isOpen = (state: CaseState): boolean =>
  state.status !== 'new' && state.status !== 'closed' && state.status !== 'withdrawn';

const moveTo = (state: CaseState, status: CaseStatus, on: IsoDate): CaseState =>
  state.status === status ? state : { ...state, status, statusSince: on };

/** Ends the open KOT period on the day before `from`. */
function endKot(kot: Period[], from: IsoDate): Period[] {
  const dayBefore = addDays(from, -1);
  return kot
    .filter((period) => period.from <= dayBefore)
    .map((period) =>
      period.to === undefined || period.to > dayBefore ? { ...period, to: dayBefore } : period,
    );
}

/**
 * An acceptance covers the gap it was given for: when the outlook changes (a rejection, a stop, an
 * objection that fails), days from `firstDay` on are no longer accepted until the officer accepts
 * them again. Acceptances that only covered later days lapse entirely.
 */
function lapseAcceptances(gaps: AcceptedGap[], firstDay: IsoDate): AcceptedGap[] {
  const lastDay = addDays(firstDay, -1);
  return gaps.flatMap((gap) => {
    const to = gap.to !== undefined && gap.to <= lastDay ? gap.to : lastDay;
    return gap.from <= to ? [{ ...gap, to }] : [];
  });
}

/** A new request after a rejection or a stop starts a new application; the old outcome is kept. */
function startAgain(state: CaseState): CaseState {
  const withoutExplanation = ({ explanation: _explanation, ...rest }: Decision) => rest;
  const earlier: EarlierOutcome = {
    application: state.application,
    decision: state.decision && withoutExplanation(state.decision),
    kotStop: state.kotStop && {
      stoppedFrom: state.kotStop.stoppedFrom,
      decidedOn: state.kotStop.decidedOn,
      setToZero: state.kotStop.setToZero,
    },
    objection: state.objection,
  };
  return {
    ...state,
    earlierOutcomes: [...state.earlierOutcomes, earlier],
    formsSentOn: null,
    application: null,
    decision: null,
    kotStop: null,
    objection: null,
    appeal: null,
    decisionLetter: null,
  };
}

const letter = (decidedOn: IsoDate, about: DecisionLetter['about']): DecisionLetter => ({
  decidedOn,
  about,
  confirmations: [],
});

/** The status a case returns to when an objection or appeal fails: the decision stands. */
const standingStatus = (against: ObjectedDecision | undefined): CaseStatus =>
  against === 'stop' ? 'kot-stopped' : against === 'grant' ? 'granted' : 'rejected';

/** A failed objection or appeal against a rejection or stop changes the outlook; one against a grant does not. */
const afterFailure = (state: CaseState, against: ObjectedDecision | undefined, on: IsoDate) =>
  against === 'grant'
    ? state
    : { ...state, acceptedGaps: lapseAcceptances(state.acceptedGaps, on) };

/** A granted allowance from `from` on, replacing what ran from that day (an objection or a court). */
function grantFrom(state: CaseState, decidedOn: IsoDate, from: IsoDate): CaseState {
  return {
    ...state,
    decision: { outcome: 'granted', decidedOn, grantedFrom: from },
    kot: [...endKot(state.kot, from), { from }],
    kotStop: null,
  };
}

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'ReferralOpened': {
      const d = event.data;
      return {
        ...state,
        status: 'referred',
        statusSince: d.referredOn,
        caseId: d.caseId,
        municipality: d.municipality,
        referringOfficer: d.referringOfficer,
        referredOn: d.referredOn,
        household: d.household,
        children: d.children,
        smi: [{ from: d.smiPeriod.from, to: d.smiPeriod.to }],
      };
    }
    case 'FamilySignalled': {
      // No SMI: the municipality's SMI desk owns the case (no one person yet), as a referral's
      // officer does, and it follows the same journey from here.
      const d = event.data;
      return {
        ...state,
        status: 'referred',
        statusSince: d.signalledOn,
        caseId: d.caseId,
        municipality: d.municipality,
        referringOfficer: { organisation: d.municipality, role: 'smi-officer' },
        referredOn: d.signalledOn,
        signalledBy: d.signalledBy,
        household: d.household,
        children: d.children,
      };
    }
    case 'EligibilityChecked':
      return { ...state, lastEligibilityCheck: { ...event.data } };
    case 'CaseOffered':
      return { ...state, offer: { to: event.data.to, offeredOn: event.data.offeredOn } };
    case 'OfferDeclined':
      return { ...state, offer: null };
    case 'CaseClaimed': {
      // The offer stays, so a second claimant from the same office is told who holds the case.
      const claimed = {
        ...state,
        claim: { by: event.data.by, mandate: event.data.mandate, claimedOn: event.data.claimedOn },
      };
      return state.status === 'referred'
        ? moveTo(claimed, 'claimed', event.data.claimedOn)
        : claimed;
    }
    case 'MandateRecorded':
      return state.claim
        ? {
            ...state,
            claim: {
              ...state.claim,
              by: event.data.by ?? state.claim.by,
              mandate: event.data.mandate,
            },
          }
        : state;
    case 'ClaimReleased': {
      const released = { ...state, claim: null, offer: null };
      return state.status === 'claimed'
        ? moveTo(released, 'referred', event.data.releasedOn)
        : released;
    }
    case 'KotRequested': {
      const again = state.status === 'rejected' || state.status === 'kot-stopped';
      return moveTo(
        { ...(again ? startAgain(state) : state), request: { ...event.data } },
        'requested',
        event.data.requestedOn,
      );
    }
    case 'WlzRequestRegistered': {
      const registered = { ...state, wlzRequestRegisteredOn: event.data.registeredOn };
      return moveTo(
        registered,
        state.indication ? 'forms-pending' : 'indication-check',
        event.data.registeredOn,
      );
    }
    case 'WlzIndicationConfirmed':
    case 'CizDecisionCopySubmitted': {
      const d = event.data;
      const on = 'confirmedOn' in d ? d.confirmedOn : d.submittedOn;
      const indication: Indication = {
        partnerId: d.partnerId,
        kind: d.kind,
        validFrom: d.validFrom,
        ...(d.validTo ? { validTo: d.validTo } : {}),
        source: event.type === 'WlzIndicationConfirmed' ? 'ciz' : 'copy',
      };
      const next = {
        ...state,
        indication,
        indicationNotFoundOn: null,
        corrections: state.corrections.map((correction) =>
          correction.partnerId === d.partnerId && correction.checkedOn === undefined
            ? { ...correction, checkedOn: on }
            : correction,
        ),
      };
      return state.status === 'indication-check' || state.status === 'indication-missing'
        ? moveTo(next, 'forms-pending', on)
        : next;
    }
    case 'WlzIndicationReassessed': {
      const d = event.data;
      const current = state.indication;
      if (!current) return state;
      if (d.outcome === 'ends') {
        return { ...state, indication: { ...current, endsAfterReassessment: d.reassessedOn } };
      }
      const { validTo: _oldEnd, endsAfterReassessment: _ends, ...rest } = current;
      return {
        ...state,
        indication: {
          ...rest,
          kind: d.kind ?? current.kind,
          ...(d.validTo ? { validTo: d.validTo } : {}),
        },
      };
    }
    case 'WlzIndicationNotFound':
      return moveTo(
        { ...state, indication: null, indicationNotFoundOn: event.data.checkedOn },
        'indication-missing',
        event.data.checkedOn,
      );
    case 'ApplicationFormsSent':
      return moveTo({ ...state, formsSentOn: event.data.sentOn }, 'forms-sent', event.data.sentOn);
    case 'ApplicationSubmitted':
      return moveTo(
        {
          ...state,
          application: {
            submittedOn: event.data.submittedOn,
            requestedStart: event.data.requestedStart,
          },
        },
        'application-submitted',
        event.data.submittedOn,
      );
    case 'ApplicationReceived':
      return moveTo(
        {
          ...state,
          application: state.application && {
            ...state.application,
            receivedOn: event.data.receivedOn,
          },
        },
        'awaiting-decision',
        event.data.receivedOn,
      );
    case 'KotGranted':
      return moveTo(
        {
          ...state,
          decision: {
            outcome: 'granted',
            decidedOn: event.data.decidedOn,
            grantedFrom: event.data.grantedFrom,
          },
          kot: [...state.kot, { from: event.data.grantedFrom }],
          kotStop: null,
          decisionLetter: letter(event.data.decidedOn, 'decision'),
        },
        'granted',
        event.data.decidedOn,
      );
    case 'KotRejected':
      return moveTo(
        {
          ...state,
          decision: {
            outcome: 'rejected',
            decidedOn: event.data.decidedOn,
            reason: event.data.reason,
            explanation: event.data.explanation,
          },
          acceptedGaps: lapseAcceptances(state.acceptedGaps, event.data.decidedOn),
          decisionLetter: letter(event.data.decidedOn, 'decision'),
        },
        'rejected',
        event.data.decidedOn,
      );
    case 'KotChanged':
      return state;
    case 'KotStopped': {
      const d = event.data;
      return moveTo(
        {
          ...state,
          kot: endKot(state.kot, d.stoppedFrom),
          kotStop: {
            stoppedFrom: d.stoppedFrom,
            decidedOn: d.decidedOn,
            setToZero: d.setToZero,
            reason: d.reason,
          },
          objection: null,
          appeal: null,
          closure: null,
          acceptedGaps: lapseAcceptances(state.acceptedGaps, minDate(d.stoppedFrom, d.decidedOn)),
          decisionLetter: letter(d.decidedOn, 'stop'),
        },
        'kot-stopped',
        d.decidedOn,
      );
    }
    case 'ObjectionFiled':
      return moveTo(
        {
          ...state,
          objection: {
            filedOn: event.data.filedOn,
            against: event.data.against,
            ...(event.data.lateReason !== undefined ? { late: true } : {}),
          },
        },
        'objection',
        event.data.filedOn,
      );
    case 'ObjectionDecided': {
      const d = event.data;
      const objection = state.objection && {
        ...state.objection,
        decidedOn: d.decidedOn,
        upheld: d.upheld,
        ...(d.lateExcused !== undefined ? { lateExcused: d.lateExcused } : {}),
      };
      const decided = { ...state, objection, decisionLetter: letter(d.decidedOn, 'objection') };
      if (d.upheld && d.grantedFrom) {
        return moveTo(grantFrom(decided, d.decidedOn, d.grantedFrom), 'granted', d.decidedOn);
      }
      const against = state.objection?.against;
      return moveTo(
        afterFailure(decided, against, d.decidedOn),
        standingStatus(against),
        d.decidedOn,
      );
    }
    case 'AppealFiled':
      return moveTo(
        { ...state, appeal: { filedOn: event.data.filedOn, against: event.data.against } },
        'appeal',
        event.data.filedOn,
      );
    case 'CourtRuled': {
      const d = event.data;
      const against = state.appeal?.against;
      const ruled = {
        ...state,
        appeal: state.appeal && { ...state.appeal, ruledOn: d.ruledOn, outcome: d.outcome },
        decisionLetter: letter(d.ruledOn, 'ruling'),
      };
      if (d.outcome === 'upheld' && d.grantedFrom) {
        return moveTo(grantFrom(ruled, d.ruledOn, d.grantedFrom), 'granted', d.ruledOn);
      }
      if (d.outcome === 'upheld') {
        // The court annulled the decision on the objection: Toeslagen decides on it anew.
        const pending = state.objection && {
          filedOn: state.objection.filedOn,
          against: state.objection.against,
        };
        return moveTo({ ...ruled, objection: pending }, 'objection', d.ruledOn);
      }
      return moveTo(afterFailure(ruled, against, d.ruledOn), standingStatus(against), d.ruledOn);
    }
    case 'DecisionReceiptConfirmed': {
      const current = state.decisionLetter;
      if (!current || current.decidedOn !== event.data.decidedOn) return state;
      const { by, channel, receivedOn } = event.data;
      return {
        ...state,
        decisionLetter: {
          ...current,
          confirmations: [...current.confirmations, { by, channel, receivedOn }],
        },
      };
    }
    case 'SmiExtended': {
      const last = state.smi[state.smi.length - 1];
      if (!last) return state;
      return { ...state, smi: [...state.smi.slice(0, -1), { ...last, to: event.data.until }] };
    }
    case 'SmiEnded': {
      const lastDay = event.data.lastDay;
      return {
        ...state,
        smi: state.smi
          .filter((period) => period.from <= lastDay)
          .map((period) => (period.to > lastDay ? { ...period, to: lastDay } : period)),
      };
    }
    case 'SmiReinstated':
      return { ...state, smi: [...state.smi, { from: event.data.from, to: event.data.until }] };
    case 'FundingGapAccepted':
      return { ...state, acceptedGaps: [...state.acceptedGaps, { ...event.data }] };
    case 'CaseClosed':
      return moveTo(
        {
          ...state,
          closure: {
            on: event.data.closedOn,
            outcome: event.data.outcome,
            ...(event.data.note ? { note: event.data.note } : {}),
          },
        },
        'closed',
        event.data.closedOn,
      );
    case 'CaseWithdrawn':
      return moveTo(
        {
          ...state,
          closure: { on: event.data.withdrawnOn, outcome: 'withdrawn', note: event.data.reason },
        },
        'withdrawn',
        event.data.withdrawnOn,
      );
    case 'PersonalDataErased':
      return { ...state, erasedOn: event.data.erasedOn, erasureGround: event.data.ground };
    case 'HouseholdChangeRecorded':
      return { ...state, householdChanges: [...state.householdChanges, { ...event.data }] };
    case 'ChangePassedToToeslagen':
    case 'HouseholdChangeProcessed': {
      const d = event.data;
      const mark = 'passedOn' in d ? { passedOn: d.passedOn } : { processedOn: d.processedOn };
      return {
        ...state,
        householdChanges: state.householdChanges.map((change) =>
          change.changeId === d.changeId ? { ...change, ...mark } : change,
        ),
      };
    }
    case 'IndicatedPartnerCorrected':
      return correctIndicatedPartner(state, event.data);
    case 'KotSettled':
      return { ...state, settlements: [...state.settlements, { ...event.data }] };
  }
}

/**
 * The indication moves to the partner who really holds it: what the referrer stated moves with it,
 * and a confirmation for the other partner no longer counts (it was about the wrong person).
 */
function correctIndicatedPartner(
  state: CaseState,
  d: { partnerId: string; previousPartnerId: string | null; correctedOn: IsoDate },
): CaseState {
  const household = state.household;
  const stated =
    household?.partners.find((p) => p.partnerId === d.previousPartnerId)?.wlzIndication ?? null;
  return {
    ...state,
    household: household && {
      ...household,
      partners: household.partners.map((partner) =>
        partner.partnerId === d.partnerId
          ? { ...partner, wlzIndication: stated ?? partner.wlzIndication ?? { kind: 'unknown' } }
          : partner.partnerId === d.previousPartnerId
            ? { ...partner, wlzIndication: null }
            : partner,
      ),
    },
    indication: state.indication?.partnerId === d.partnerId ? state.indication : null,
    corrections: [
      ...state.corrections,
      {
        partnerId: d.partnerId,
        previousPartnerId: d.previousPartnerId,
        correctedOn: d.correctedOn,
        // CIZ already confirmed the partner the record now names: nothing is left to check.
        ...(state.indication?.partnerId === d.partnerId ? { checkedOn: d.correctedOn } : {}),
      },
    ],
  };
}

export const foldCase = (events: readonly CaseEvent[]): CaseState =>
  events.reduce(evolve, initialState());

/** A granted KOT that has not been stopped. */
export const runningKot = (state: CaseState): boolean =>
  state.kot.some((period) => period.to === undefined);

/**
 * The last day of the temporary Wlz-indication the allowance rests on, or null when it has no end
 * (a permanent one). KOT through the Wlz route cannot outlast the indication.
 */
export const indicationEnd = (state: Pick<CaseState, 'indication'>): IsoDate | null =>
  state.indication?.kind === 'temporary' ? (state.indication.validTo ?? null) : null;

/**
 * The granted KOT periods as they fund the family: none runs past the day the indication it rests
 * on ends, unless CIZ extended the indication (which moves that day).
 */
export function fundedKot(state: Pick<CaseState, 'kot' | 'indication'>): Period[] {
  const end = indicationEnd(state);
  if (end === null) return state.kot;
  return state.kot
    .filter((period) => period.from <= end)
    .map((period) =>
      period.to === undefined || period.to > end ? { ...period, to: end } : period,
    );
}
