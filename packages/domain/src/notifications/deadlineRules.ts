import { dateInAmsterdam, daysBetween, type Instant, type IsoDate } from '../calendar';
import { fundingCoverage } from '../case/fundingCoverage';
import { nextStep, pendingOffer, stepBehindFunding } from '../case/nextStep';
import { objectionPeriodEnds } from '../case/norms';
import type { CaseState } from '../case/state';
import type { NotificationIntent } from './notificationIntent';
import {
  householdOf,
  intent,
  municipalityLeadOf,
  objectionRecipients,
  toeslagenLead,
  uniqueParties,
} from './notificationParties';

/** Days before the end of the objection period (bezwaartermijn) that its claimant is warned. */
export const objectionWarningDays = 7;

/**
 * The objection period still open on a case: after a rejection or a stop, as long as no objection
 * was filed (the same condition under which the decider accepts one).
 */
export function openObjectionPeriod(
  state: CaseState,
): { against: 'rejection' | 'stop'; ends: IsoDate } | null {
  if (state.objection !== null) return null;
  const decidedOn =
    state.status === 'rejected'
      ? state.decision?.decidedOn
      : state.status === 'kot-stopped'
        ? state.kotStop?.decidedOn
        : undefined;
  if (decidedOn === undefined) return null;
  return {
    against: state.status === 'rejected' ? 'rejection' : 'stop',
    ends: objectionPeriodEnds(decidedOn),
  };
}

/**
 * What the deadline timers must say about a case at `now`. Ids carry the deadline, so running this
 * every minute, or again after a restart, yields the same intents and nothing is sent twice. Every
 * rule here depends on the calendar date only, so one evaluation per case per day (and after each
 * of its events) sees everything.
 */
export function notificationsForDeadlines(state: CaseState, now: Instant): NotificationIntent[] {
  if (state.status === 'new') return [];
  const today = dateInAmsterdam(now);
  const intents: NotificationIntent[] = [];
  const officer = state.referringOfficer;

  // The step behind a funding step goes on too (Toeslagen still decides): late is late for both.
  for (const step of [nextStep(state, now), stepBehindFunding(state, now)]) {
    if (!step?.overdue) continue;
    const about = { deadline: `${step.action}/${step.since}`, date: step.due };
    const params = { action: step.action, due: step.due, daysOverdue: step.daysOverdue };
    if (step.action === 'decide-application') {
      intents.push(intent(state, 'decision-overdue', toeslagenLead, about, params));
      if (officer) intents.push(intent(state, 'decision-overdue', officer, about, params));
    } else if (step.action === 'get-case-claimed' || step.action === 'offer-to-supporter') {
      intents.push(intent(state, 'case-unclaimed', step.responsible, about, params));
      intents.push(intent(state, 'case-unclaimed', step.escalateTo, about, params));
    } else {
      intents.push(intent(state, 'step-overdue', step.responsible, about, params));
      intents.push(intent(state, 'step-overdue', step.escalateTo, about, params));
    }
  }

  // The officer hears of an unanswered offer above; the supporter it waits for must hear too.
  const offer = pendingOffer(state, now);
  if (offer?.overdue) {
    intents.push(
      intent(
        state,
        'offer-overdue',
        offer.responsible,
        { deadline: `${offer.action}/${offer.since}`, date: offer.due },
        { offeredOn: offer.since, due: offer.due, daysOverdue: offer.daysOverdue },
      ),
    );
  }

  const coverage = fundingCoverage(state, now);
  // The family, whoever acts for it and the officer hear ahead of time that funding will stop.
  const atRiskAudience = uniqueParties([officer, state.claim?.by, householdOf(state)]);
  if (coverage.atRisk && coverage.smiEndsOn) {
    const about = { deadline: `smi-end/${coverage.smiEndsOn}`, date: coverage.smiEndsOn };
    const params = { smiEndsOn: coverage.smiEndsOn, daysAtRisk: coverage.daysAtRisk };
    for (const party of atRiskAudience)
      intents.push(intent(state, 'smi-ending-without-kot', party, about, params));
  } else if (coverage.atRisk && coverage.kotEndsOn) {
    const about = { deadline: `kot-end/${coverage.kotEndsOn}`, date: coverage.kotEndsOn };
    const params = { kotEndsOn: coverage.kotEndsOn, daysAtRisk: coverage.daysAtRisk };
    for (const party of atRiskAudience)
      intents.push(intent(state, 'kot-ending-with-indication', party, about, params));
  }

  // Every gap nobody accepted is told once, keyed by its first day: also one that lies wholly in
  // the past (a back-dated end of SMI) or closed while the service was down. The municipality
  // must act; the family and whoever acts for it must know.
  if (officer) {
    for (const gap of coverage.gaps) {
      if (gap.accepted) continue;
      const about = { deadline: `gap/${gap.from}`, date: gap.from };
      const params = { from: gap.from, days: gap.days, accepted: false };
      const told = uniqueParties([
        officer,
        municipalityLeadOf(state),
        householdOf(state),
        state.claim?.by,
      ]);
      for (const party of told)
        intents.push(intent(state, 'funding-gap-opened', party, about, params));
    }
  }

  const objection = openObjectionPeriod(state);
  if (objection) {
    const daysLeft = daysBetween(today, objection.ends);
    if (daysLeft >= 0 && daysLeft <= objectionWarningDays) {
      const about = { deadline: `objection-ends/${objection.ends}`, date: objection.ends };
      for (const recipient of objectionRecipients(state, today)) {
        intents.push(
          intent(state, 'objection-window-closing', recipient, about, {
            objectionEnds: objection.ends,
            against: objection.against,
            daysLeft,
          }),
        );
      }
    }
  }
  return intents;
}
