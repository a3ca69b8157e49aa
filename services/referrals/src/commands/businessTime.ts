// When a fact happened in the world (`occurredAt`, business time) is not always when it was
// recorded: Toeslagen may record on Friday a decision taken on Monday. Every case event carries
// the business date of its step; this turns that date into the instant stored as occurredAt.
import {
  dateInAmsterdam,
  type CaseEvent,
  type CaseEventType,
  type Instant,
  type IsoDate,
} from '@kot/domain';

/**
 * The field holding each event's business date. A step recorded on its own day has today's date
 * there; one recorded later carries the date the caller gave (the domain's stepDate). The check
 * of eligibility is the exception: its date is the day the check is about, not when it happened.
 */
const businessDateField: Record<CaseEventType, string | null> = {
  ReferralOpened: 'referredOn',
  EligibilityChecked: null,
  CaseOffered: 'offeredOn',
  OfferDeclined: 'declinedOn',
  CaseClaimed: 'claimedOn',
  MandateRecorded: 'recordedOn',
  ClaimReleased: 'releasedOn',
  KotRequested: 'requestedOn',
  WlzRequestRegistered: 'registeredOn',
  WlzIndicationConfirmed: 'confirmedOn',
  WlzIndicationNotFound: 'checkedOn',
  CizDecisionCopySubmitted: 'submittedOn',
  ApplicationFormsSent: 'sentOn',
  ApplicationSubmitted: 'submittedOn',
  ApplicationReceived: 'receivedOn',
  KotGranted: 'decidedOn',
  KotRejected: 'decidedOn',
  KotChanged: 'decidedOn',
  KotStopped: 'decidedOn',
  ObjectionFiled: 'filedOn',
  ObjectionDecided: 'decidedOn',
  SmiExtended: 'decidedOn',
  SmiEnded: 'decidedOn',
  SmiReinstated: 'decidedOn',
  FundingGapAccepted: 'acceptedOn',
  CaseClosed: 'closedOn',
  CaseWithdrawn: 'withdrawnOn',
};

export function businessDateOf(event: CaseEvent): IsoDate | null {
  const field = businessDateField[event.type];
  const value = field === null ? undefined : (event.data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/**
 * occurredAt for an event decided at `now`: `now` itself for a step of today; for a back-dated
 * step the start of its day in Amsterdam (the time of day is not known, the day is). Never
 * before `notBefore`, the occurredAt of the event before it in the stream, so business time
 * follows the stream order and an as-of fold on the business axis always sees a whole prefix.
 */
export function occurredAtOf(event: CaseEvent, now: Instant, notBefore: Instant | null): Instant {
  const day = businessDateOf(event);
  const at = day === null || day >= dateInAmsterdam(now) ? now : startOfDayInAmsterdam(day);
  return notBefore !== null && Date.parse(notBefore) > Date.parse(at) ? notBefore : at;
}

/** Midnight in Amsterdam: 23:00 or 22:00 UTC the day before, depending on summer time. */
export function startOfDayInAmsterdam(day: IsoDate): Instant {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // Amsterdam is one or two hours ahead of UTC; clocks change at 02:00/03:00, never at midnight.
  for (const hoursAhead of [2, 1]) {
    const candidate = new Date(utcMidnight - hoursAhead * 3_600_000);
    const before = new Date(candidate.getTime() - 1);
    if (
      dateInAmsterdam(candidate.toISOString()) === day &&
      dateInAmsterdam(before.toISOString()) !== day
    ) {
      return candidate.toISOString();
    }
  }
  throw new Error(`no start of day found for ${day} in Europe/Amsterdam`);
}
