import {
  addDays,
  dateInAmsterdam,
  daysBetween,
  maxDate,
  minDate,
  type Instant,
  type IsoDate,
} from '../calendar';
import { CIZ, TOESLAGEN, householdOrganisation, type PartyRef } from '../parties';
import { text, type Text } from '../text';
import { grantedAndClosed } from './decisionChecks';
import { applicationDate, earliestKotStart, eligibility } from './eligibility';
import { firstUnsecuredDay, firstUnsecuredDaySoFar } from './fundingCoverage';
import { sameSlot } from './decideLegalRoute';
import { claimantMayApply, expiredMandateOf } from './mandate';
import {
  appealPeriodEnds,
  decisionDeadline,
  norms,
  objectionDecisionDeadline,
  objectionPeriodEnds,
} from './norms';
import { correctionToCheck, yearsToSettle } from './decideChanges';
import { changesToPass, changesToProcess } from './householdChanges';
import { defaultSmiPolicy, extensionDue, smiMaximumEnd, type SmiPolicy } from './smiPolicy';
import { indicationEnd, isOpen, runningKot, type CaseState } from './state';

export const stepActions = [
  'offer-to-supporter',
  'claim-or-decline-offer',
  'get-case-claimed',
  'arrange-mandate',
  'request-kot',
  'register-wlz-request',
  'confirm-indication',
  'send-ciz-decision',
  'send-forms',
  'return-forms',
  'register-receipt',
  'decide-application',
  'align-smi',
  'aftercare',
  'continue-smi',
  'decide-objection',
  'secure-funding',
  'reapply-or-object',
  'decide-with-family',
  'reassess-indication',
  'confirm-decision-received',
  'appeal-or-reapply',
  'record-court-ruling',
  'pass-change-to-toeslagen',
  'process-change',
  'check-correction',
  'settle-kot',
] as const;
export type StepAction = (typeof stepActions)[number];

export interface NextStep {
  action: StepAction;
  description: Text;
  responsible: PartyRef;
  /** Start of the step's clock. */
  since: IsoDate;
  due: IsoDate;
  overdue: boolean;
  daysOverdue: number;
  /** Who is told when the step is overdue. */
  escalateTo: PartyRef;
  /** A hard deadline beyond the service norm (the legal maximum for a decision, the objection period). */
  deadline?: { date: IsoDate; description: Text };
}

const toeslagenDesk: PartyRef = { organisation: TOESLAGEN, role: 'toeslagen-officer' };
const toeslagenLead: PartyRef = { organisation: TOESLAGEN, role: 'toeslagen-team-lead' };
const cizDesk: PartyRef = { organisation: CIZ, role: 'ciz-assessor' };
const cizLead: PartyRef = { organisation: CIZ, role: 'ciz-team-lead' };

type Draft = Omit<NextStep, 'overdue' | 'daysOverdue'>;

/**
 * The one next step of an open case: what, who, by when, and whom to escalate to. Closed and
 * withdrawn cases have none. Steps that belong to a supporter fall back to the referring officer
 * while nobody holds the claim, so a case never has no owner.
 */
export function nextStep(
  state: CaseState,
  now: Instant,
  policy: SmiPolicy = defaultSmiPolicy(state.municipality),
): NextStep | null {
  const today = dateInAmsterdam(now);
  const draft = fundingStep(state, today, policy) ?? draftStep(state, today, policy);
  return draft && withLateness(draft, today);
}

/**
 * The step of the process that a funding step stands in front of. It goes on meanwhile (Toeslagen
 * still decides while the municipality secures the days without funding), so its owner keeps it on
 * their list; `nextStep` names the municipality, which owns the family's funding first.
 */
export function stepBehindFunding(
  state: CaseState,
  now: Instant,
  policy: SmiPolicy = defaultSmiPolicy(state.municipality),
): NextStep | null {
  const today = dateInAmsterdam(now);
  const funding = fundingStep(state, today, policy);
  if (!funding) return null;
  const draft = draftStep(state, today, policy);
  if (!draft || samePartySlot(draft.responsible, funding.responsible)) return null;
  return withLateness(draft, today);
}

function withLateness(draft: Draft, today: IsoDate): NextStep {
  const late = daysBetween(draft.due, today);
  return { ...draft, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

const samePartySlot = (a: PartyRef, b: PartyRef): boolean =>
  a.organisation === b.organisation && a.role === b.role;

/**
 * A day without funding that nobody accepted, today or before, is the municipality's to secure,
 * whatever else the case waits for: due the day after it began. Ended cases too, while the
 * platform still answers for their funding (fundingCoverage).
 */
function fundingStep(state: CaseState, today: IsoDate, policy: SmiPolicy): Draft | null {
  const officer = state.referringOfficer;
  if (!officer || state.status === 'new') return null;
  const from = firstUnsecuredDaySoFar(state, today);
  if (from === null) return null;
  return {
    action: 'secure-funding',
    description: secureFundingText(from, today, policy),
    responsible: officer,
    since: from,
    due: addDays(from, 1),
    escalateTo: municipalityLeadOf(state),
  };
}

/**
 * Where the municipality grants no SMI for days already past, the step never asks to reinstate it
 * from a past day: SMI from today, and the days before accepted as a gap (seed 001: a family that
 * fell between a late rejection and a municipality that does not grant retroactively).
 */
const secureFundingText = (from: IsoDate, today: IsoDate, policy: SmiPolicy): Text =>
  from < today && !policy.retroactive
    ? text(
        `Het gezin heeft vanaf ${from} geen SMI en geen kinderopvangtoeslag. De gemeente kent SMI niet met terugwerkende kracht toe: zet de SMI in vanaf vandaag (${today}) en accepteer de dagen van ${from} tot vandaag uitdrukkelijk als gat met een reden, of accepteer het hele gat met een reden.`,
        `The family has neither SMI nor KOT from ${from}. The municipality does not grant SMI retroactively: put SMI in place from today (${today}) and accept the days from ${from} until today explicitly as a gap with a reason, or accept the whole gap with a reason.`,
      )
    : text(
        `Het gezin heeft vanaf ${from} geen SMI en geen kinderopvangtoeslag: zet de SMI weer in vanaf ${from}, of accepteer het gat uitdrukkelijk met een reden.`,
        `The family has neither SMI nor KOT from ${from}: reinstate SMI from ${from}, or accept the gap explicitly with a reason.`,
      );

/** Steps in which the claimant acts for the family towards Toeslagen, or ends the case for it. */
const actsForFamily: readonly StepAction[] = [
  'request-kot',
  'send-ciz-decision',
  'return-forms',
  'reapply-or-object',
  'appeal-or-reapply',
  'aftercare',
  'decide-with-family',
];

const arrangeMandateText = text(
  'Regel een machtiging waarmee u mag aanvragen, of draag de zaak over aan wie dat mag.',
  'Arrange a mandate that allows you to apply, or hand the case to someone who may.',
);

const municipalityLeadOf = (state: CaseState): PartyRef => ({
  organisation: state.municipality,
  role: 'smi-team-lead',
});

/**
 * An offer waiting for the supporter it was made to. The officer still owns the case (their next
 * step is getting it claimed), but the supporter must see it on their own list, with the same due
 * date, or nobody acts on it.
 */
export function pendingOffer(state: CaseState, now: Instant): NextStep | null {
  if (!state.offer || state.claim || !state.referringOfficer) return null;
  if (state.status === 'new' || state.status === 'closed' || state.status === 'withdrawn')
    return null;
  const today = dateInAmsterdam(now);
  const due = addDays(state.offer.offeredOn, norms.claimOffer);
  const late = daysBetween(due, today);
  return {
    action: 'claim-or-decline-offer',
    description: text(
      'Deze zaak is aan u aangeboden: pak haar op met uw machtiging, of wijs het aanbod af met een reden.',
      'This case was offered to you: take it on with your mandate, or decline the offer with a reason.',
    ),
    responsible: state.offer.to,
    since: state.offer.offeredOn,
    due,
    overdue: late > 0,
    daysOverdue: Math.max(0, late),
    escalateTo: state.referringOfficer,
  };
}

function draftStep(state: CaseState, today: IsoDate, policy: SmiPolicy): Draft | null {
  const officer = state.referringOfficer;
  if (!officer || state.status === 'new') return null;
  // A case closed with a granted KOT still has the indication it rests on to renew, changes to
  // pass on, and the years it paid for to settle.
  if (!isOpen(state))
    return (
      (grantedAndClosed(state) ? indicationSteps(state, today) : null) ??
      afterGrantStep(state, today) ??
      settlementStep(state, today)
    );
  const afterGrant = afterGrantStep(state, today);
  if (afterGrant) return afterGrant;
  const since = state.statusSince ?? state.referredOn ?? '1970-01-01';
  const municipalityLead = municipalityLeadOf(state);
  const officerStep = (
    action: StepAction,
    description: Text,
    from: IsoDate,
    days: number,
  ): Draft => ({
    action,
    description,
    responsible: officer,
    since: from,
    due: addDays(from, days),
    escalateTo: municipalityLead,
  });
  const supporterStep = (
    action: StepAction,
    description: Text,
    from: IsoDate,
    days: number,
  ): Draft =>
    state.claim
      ? // A step that acts for the family towards Toeslagen needs a mandate that allows it now;
        // one that only lets the claimant signal must be arranged first, and one that expired
        // hands the step to the officer.
        actsForFamily.includes(action) && !claimantMayApply(state, today)
        ? mandateStep(from)
        : {
            action,
            description,
            responsible: state.claim.by,
            since: from,
            due: addDays(from, days),
            escalateTo: officer,
          }
      : state.offer
        ? officerStep(
            'get-case-claimed',
            text(
              `Zorg dat de zaak weer wordt opgepakt; aangeboden aan ${state.offer.to.name ?? state.offer.to.organisation}.`,
              `Make sure the case is taken on again; offered to ${state.offer.to.name ?? state.offer.to.organisation}.`,
            ),
            state.offer.offeredOn,
            norms.claimOffer,
          )
        : officerStep(
            'offer-to-supporter',
            text(
              'Niemand ondersteunt het gezin meer bij deze stap: bied de zaak aan een ondersteuner aan.',
              'Nobody supports the family in this step any more: offer the case to a supporter.',
            ),
            from,
            norms.offerReferral,
          );
  /** No mandate to act for the family: the claimant arranges one; an expired one is the officer's. */
  const mandateStep = (from: IsoDate): Draft => {
    const expired = expiredMandateOf(state, today);
    if (expired === null || !state.claim) {
      return {
        action: 'arrange-mandate',
        description: arrangeMandateText,
        responsible: state.claim?.by ?? officer,
        since: from,
        due: addDays(from, norms.arrangeMandate),
        escalateTo: officer,
      };
    }
    const holder = state.claim.by.name ?? state.claim.by.organisation;
    const since = maxDate(from, addDays(expired, 1));
    return officerStep(
      'arrange-mandate',
      text(
        `De machtiging van ${holder} is verlopen op ${expired}; namens het gezin kan niemand meer handelen. Laat een nieuwe machtiging vastleggen, of neem de zaak terug en bied haar aan wie mag aanvragen.`,
        `The mandate of ${holder} expired on ${expired}; nobody can act for the family any more. Have a new mandate recorded, or take the case back and offer it to someone who may apply.`,
      ),
      since,
      norms.arrangeMandate,
    );
  };
  /**
   * A decision letter that nobody acting for the family confirmed: the claimant confirms it reached
   * them and the family, before the way forward (a letter that went astray loses the objection
   * period). The way forward's deadline stays on it.
   */
  const letterStep = (behind: Draft): Draft => {
    const letter = state.decisionLetter;
    const claim = state.claim;
    if (!letter || !claim || letter.confirmations.some((c) => sameSlot(c.by, claim.by))) {
      return behind;
    }
    const step = supporterStep(
      'confirm-decision-received',
      text(
        `Bevestig dat het besluit van ${letter.decidedOn} u en het gezin heeft bereikt (Berichtenbox of post). Kwam het niet aan, vraag Dienst Toeslagen dan om een kopie: de termijn voor bezwaar of beroep loopt al.`,
        `Confirm that the decision of ${letter.decidedOn} reached you and the family (Berichtenbox or post). If it did not arrive, ask Dienst Toeslagen for a copy: the period for an objection or appeal is already running.`,
      ),
      letter.decidedOn,
      norms.confirmDecisionReceived,
    );
    return behind.deadline ? { ...step, deadline: behind.deadline } : step;
  };
  const deskStep = (
    desk: PartyRef,
    lead: PartyRef,
    action: StepAction,
    description: Text,
    from: IsoDate,
    days: number,
  ): Draft => ({
    action,
    description,
    responsible: desk,
    since: from,
    due: addDays(from, days),
    escalateTo: lead,
  });

  /**
   * A day without funding ahead that a decision made certain (a stop from a later date): the
   * officer secures it within the norm, and no later than the day after it begins.
   */
  const secureUpcoming = (from: IsoDate, stepSince: IsoDate): Draft => ({
    ...officerStep('secure-funding', secureFundingText(from, today, policy), stepSince, 0),
    due: minDate(addDays(stepSince, norms.secureFundingAfterStop), addDays(from, 1)),
  });
  /**
   * Funding is settled after a rejection or a stop: the supporter decides with the family whether
   * to object (while the period runs), apply again, or close the case.
   */
  const wayForward = (decidedOn: IsoDate): Draft => letterStep(courseAfter(decidedOn));
  const courseAfter = (decidedOn: IsoDate): Draft => {
    const objectionDecided = state.objection?.decidedOn;
    if (objectionDecided !== undefined && state.appeal === null) {
      const appealEnds = appealPeriodEnds(objectionDecided);
      if (today <= appealEnds) {
        return {
          ...supporterStep(
            'appeal-or-reapply',
            text(
              `Dienst Toeslagen besliste op het bezwaar. Bespreek met het gezin: in beroep gaan bij de rechtbank (uiterlijk ${appealEnds}), opnieuw aanvragen, of de zaak sluiten.`,
              `Dienst Toeslagen decided on the objection. Decide with the family: appeal to the court (by ${appealEnds}), apply again, or close the case.`,
            ),
            objectionDecided,
            daysBetween(objectionDecided, appealEnds),
          ),
          deadline: {
            date: appealEnds,
            description: text(
              'Einde beroepstermijn (6 weken, Awb 6:7)',
              'End of the appeal period (6 weeks, Awb 6:7)',
            ),
          },
        };
      }
    }
    const objectionEnds = objectionPeriodEnds(decidedOn);
    const objectionPossible = state.objection === null && today <= objectionEnds;
    // After a ruling the way forward starts from it; after an objection, once no appeal followed.
    const decidedObjection =
      state.appeal?.ruledOn ??
      (objectionDecided !== undefined ? appealPeriodEnds(objectionDecided) : undefined);
    const from = decidedObjection ?? (objectionPossible ? decidedOn : objectionEnds);
    const step = supporterStep(
      'reapply-or-object',
      objectionPossible
        ? text(
            `Bespreek met het gezin: bezwaar maken (uiterlijk ${objectionEnds}), opnieuw kinderopvangtoeslag aanvragen, of de zaak sluiten.`,
            `Decide with the family: object (by ${objectionEnds}), apply for KOT again, or close the case.`,
          )
        : text(
            'Bespreek met het gezin of een nieuwe aanvraag kans heeft (bijvoorbeeld als de partner nu werkt); vraag dan opnieuw aan, of sluit de zaak.',
            'Discuss with the family whether a new application can succeed (for instance now the partner works); then apply again, or close the case.',
          ),
      from,
      objectionPossible ? daysBetween(from, objectionEnds) : norms.reapplyOrClose,
    );
    return objectionPossible
      ? {
          ...step,
          deadline: {
            date: objectionEnds,
            description: text(
              'Einde bezwaartermijn (6 weken)',
              'End of the objection period (6 weeks)',
            ),
          },
        }
      : step;
  };

  switch (state.status) {
    case 'referred': {
      if (state.offer) {
        return officerStep(
          'get-case-claimed',
          text(
            `Zorg dat de zaak wordt opgepakt; aangeboden aan ${state.offer.to.name ?? state.offer.to.organisation}.`,
            `Make sure the case is taken on; offered to ${state.offer.to.name ?? state.offer.to.organisation}.`,
          ),
          state.offer.offeredOn,
          norms.claimOffer,
        );
      }
      const no = clearNo(state, today);
      if (no) {
        return officerStep(
          'decide-with-family',
          text(
            `Het gezin voldoet niet aan de voorwaarden: ${no.nl} Bespreek met het gezin: blijven op SMI (sluit de zaak), of de zaak toch aanbieden zodat een ondersteuner aanvraagt met een vastgelegde reden.`,
            `The family does not meet the conditions: ${no.en} Decide with the family: stay on SMI (close the case), or offer the case anyway so a supporter applies with a recorded reason.`,
          ),
          since,
          norms.offerReferral,
        );
      }
      return officerStep(
        'offer-to-supporter',
        text(
          'Bied de zaak aan een bewindvoerder of andere ondersteuner aan, of laat het gezin zelf aanvragen.',
          'Offer the case to a bewindvoerder or another supporter, or let the household apply itself.',
        ),
        since,
        norms.offerReferral,
      );
    }
    case 'claimed': {
      const claim = state.claim;
      // The household applies for itself; only a supporter needs a mandate to do so.
      if (claim && !claimantMayApply(state, today)) {
        return supporterStep(
          'arrange-mandate',
          arrangeMandateText,
          claim.claimedOn,
          norms.arrangeMandate,
        );
      }
      // A clear no is not sent to the phone line: an application that cannot succeed costs the
      // family weeks and, after a rejection, maybe its SMI. Applying stays the family's right.
      const no = clearNo(state, today);
      if (no) {
        return supporterStep(
          'decide-with-family',
          text(
            `Het gezin voldoet niet aan de voorwaarden: ${no.nl} Bespreek met het gezin: blijven op SMI en de zaak sluiten, of toch aanvragen met een reden die u vastlegt.`,
            `The family does not meet the conditions: ${no.en} Decide with the family: stay on SMI and close the case, or apply anyway with a reason you record.`,
          ),
          since,
          norms.requestKot,
        );
      }
      return supporterStep(
        'request-kot',
        text(
          'Bel de BelastingTelefoon (Wlz-route) of stuur een brief om kinderopvangtoeslag aan te vragen.',
          'Call BelastingTelefoon (Wlz route) or send a letter to request the childcare allowance.',
        ),
        since,
        norms.requestKot,
      );
    }
    case 'requested':
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'register-wlz-request',
        text(
          'Bel terug en registreer het Wlz-verzoek; zoek tijdens het gesprek de indicatie op in de gegevens van CIZ.',
          "Call back and register the Wlz request; look the indication up in CIZ's data during the call.",
        ),
        since,
        norms.registerWlzRequest,
      );
    case 'indication-check':
      // The Belcentrum looks the indication up in its real-time view of CIZ's data during the call
      // (seed 000, steps 8/9; seed 001, "Aanpassing in de systemen"): CIZ itself takes no step.
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'confirm-indication',
        text(
          'Zoek de Wlz-indicatie op in de inkijkfunctie van CIZ: bevestig soort en geldigheid, of leg vast dat zij niet te vinden is.',
          "Look the Wlz-indication up in the view of CIZ's data: confirm its kind and validity, or record that it cannot be found.",
        ),
        since,
        norms.confirmIndication,
      );
    case 'indication-missing':
      return supporterStep(
        'send-ciz-decision',
        text(
          'Dienst Toeslagen vond de Wlz-indicatie niet in de gegevens van CIZ: stuur (of upload) een kopie van het indicatiebesluit van CIZ naar Dienst Toeslagen.',
          "Dienst Toeslagen did not find the Wlz-indication in CIZ's data: send (or upload) a copy of CIZ's indication decision to Dienst Toeslagen.",
        ),
        since,
        norms.sendCizDecision,
      );
    case 'forms-pending':
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'send-forms',
        text(
          'Stuur het aanvraagformulier en het kinderopvangformulier.',
          'Send the application and childcare forms.',
        ),
        since,
        norms.sendForms,
      );
    case 'forms-sent': {
      // The application date is the registered request, already known here: the earliest start
      // is fixed, however long the forms take.
      const appliedOn = applicationDate(state) ?? today;
      const earliest = earliestKotStart(appliedOn, state.indication);
      return supporterStep(
        'return-forms',
        text(
          `Vul de formulieren in met het gezin, laat beide partners tekenen en stuur ze terug. Vraag als ingangsdatum niet eerder dan ${earliest}: de toeslag gaat op zijn vroegst in op de eerste dag van de maand drie maanden vóór de maand van de aanvraag (${appliedOn}).`,
          `Fill in the forms with the family, have both partners sign, and send them back. Ask for a start no earlier than ${earliest}: the allowance starts at the earliest on the first day of the month three months before the month of the application (${appliedOn}).`,
        ),
        since,
        norms.returnForms,
      );
    }
    case 'application-submitted':
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'register-receipt',
        text('Registreer de ontvangst van de aanvraag.', 'Register receipt of the application.'),
        since,
        norms.registerReceipt,
      );
    case 'awaiting-decision': {
      const received = state.application?.receivedOn ?? since;
      const earliest = earliestKotStart(applicationDate(state) ?? received, state.indication);
      const requested = state.application?.requestedStart;
      const tooEarly =
        requested !== undefined && requested < earliest
          ? text(
              ` De gevraagde ingangsdatum ${requested} ligt vóór de vroegste mogelijke (${earliest}); ken toe vanaf ${earliest} of later.`,
              ` The requested start ${requested} is before the earliest possible (${earliest}); grant from ${earliest} or later.`,
            )
          : text('', '');
      return {
        ...deskStep(
          toeslagenDesk,
          toeslagenLead,
          'decide-application',
          text(
            `Beslis op de aanvraag (norm: 5 weken).${tooEarly.nl}`,
            `Decide on the application (norm: 5 weeks).${tooEarly.en}`,
          ),
          received,
          norms.decide,
        ),
        deadline: {
          date: decisionDeadline(received),
          description: text(
            'Wettelijke beslistermijn (8 weken, Awb 4:13)',
            'Statutory decision period (8 weeks, Awb 4:13)',
          ),
        },
      };
    }
    case 'granted': {
      const indicationStep = indicationSteps(state, today);
      if (indicationStep) return indicationStep;
      const grantedFrom = state.kot[state.kot.length - 1]?.from ?? since;
      const smi = state.smi[state.smi.length - 1];
      // SMI ends the day before KOT starts, or on its own first day when KOT started earlier
      // (never before its start); only an SMI that still runs can be ended.
      const alignTo = smi ? maxDate(addDays(grantedFrom, -1), smi.from) : null;
      if (smi && alignTo !== null && smi.to > alignTo && smi.to >= today) {
        // KOT began before this SMI did: SMI cannot end before its own start, so both pay for
        // the days from its start; the officer settles that double funding.
        const settle =
          alignTo > addDays(grantedFrom, -1)
            ? text(
                ` Toeslag en SMI betalen dan allebei voor de dagen vanaf ${smi.from}: verreken die dubbele vergoeding met het gezin volgens het beleid van de gemeente.`,
                ` KOT and SMI then both pay for the days from ${smi.from}: settle that double funding with the family under the municipality's policy.`,
              )
            : text('', '');
        return officerStep(
          'align-smi',
          text(
            `Kinderopvangtoeslag loopt vanaf ${grantedFrom}: beëindig de SMI per ${alignTo}.${settle.nl}`,
            `KOT runs from ${grantedFrom}: end SMI on ${alignTo}.${settle.en}`,
          ),
          since,
          norms.alignSmi,
        );
      }
      const settle = settlementStep(state, today);
      if (settle) return settle;
      return letterStep(
        supporterStep(
          'aftercare',
          text(
            'Controleer met het gezin de eerste betaling en de gegevens bij Toeslagen; sluit dan de zaak.',
            'Check the first payment and the details held by Toeslagen with the family; then close the case.',
          ),
          since,
          norms.aftercare,
        ),
      );
    }
    case 'rejected': {
      const decidedOn = state.decision?.decidedOn ?? since;
      const objectionEnds = objectionPeriodEnds(decidedOn);
      const objectionOpen = state.objection === null && today <= objectionEnds;
      const smiEnd = state.smi[state.smi.length - 1]?.to ?? decidedOn;
      // While an objection can still be filed, SMI must carry the family at least that far; a day
      // before the period ends that nothing funds or accepts is the officer's to settle now. A
      // family that never had SMI (a signal) has none to continue: the way forward is next.
      const unsecured =
        objectionOpen && state.smi.length > 0 && smiEnd < objectionEnds
          ? firstUnsecuredDay(state, addDays(smiEnd, 1), objectionEnds)
          : null;
      if (unsecured !== null) {
        // The municipality's policy caps how long SMI runs and says how early an extension must
        // be asked for; an extension asked later than that may come too late.
        const smiStart = state.smi[state.smi.length - 1]?.from ?? decidedOn;
        const maximumEnd = smiMaximumEnd(policy, smiStart);
        const capped =
          maximumEnd < objectionEnds
            ? text(
                ` De gemeente verleent SMI hoogstens ${policy.maximumMonths} maanden (tot ${maximumEnd}): accepteer de dagen daarna met een reden.`,
                ` The municipality grants SMI for at most ${policy.maximumMonths} months (until ${maximumEnd}): accept the days after it with a reason.`,
              )
            : text('', '');
        return {
          ...officerStep(
            'continue-smi',
            text(
              `Kinderopvangtoeslag is afgewezen en de SMI loopt tot ${smiEnd}: verleng de SMI ten minste tot het einde van de bezwaartermijn (${objectionEnds}), of accepteer het gat vanaf ${unsecured} met een reden. Vraag de verlenging uiterlijk ${policy.extensionLeadDays} dagen vóór het einde aan.${capped.nl}`,
              `KOT was rejected and SMI runs until ${smiEnd}: extend SMI at least to the end of the objection period (${objectionEnds}), or accept the gap from ${unsecured} with a reason. Request the extension at least ${policy.extensionLeadDays} days before it ends.${capped.en}`,
            ),
            decidedOn,
            0,
          ),
          due: maxDate(
            decidedOn,
            minDate(extensionDue(policy, smiEnd), addDays(decidedOn, norms.alignSmi)),
          ),
          deadline: {
            date: objectionEnds,
            description: text(
              'Einde bezwaartermijn (6 weken, Awb 6:7)',
              'End of the objection period (6 weeks, Awb 6:7)',
            ),
          },
        };
      }
      return wayForward(decidedOn);
    }
    case 'objection': {
      // After a court annulled the decision on the objection, the court sets the period for the
      // new one (Awb 8:72): the norm runs from the ruling, without the statutory deadline.
      const ruledOn = state.appeal?.ruledOn;
      const objectedDecision =
        ruledOn !== undefined
          ? undefined
          : state.objection?.against === 'stop'
            ? state.kotStop?.decidedOn
            : state.decision?.decidedOn;
      const late = state.objection?.late
        ? text(
            ' Het bezwaar kwam na de termijn: beslis eerst of dat verschoonbaar is (Awb 6:11).',
            ' The objection came after its period: first decide whether that is excusable (Awb 6:11).',
          )
        : text('', '');
      const step = deskStep(
        toeslagenDesk,
        toeslagenLead,
        'decide-objection',
        text(
          `Beslis op het bezwaar (6 weken).${late.nl}`,
          `Decide on the objection (6 weeks).${late.en}`,
        ),
        ruledOn ?? state.objection?.filedOn ?? since,
        norms.decideObjection,
      );
      return objectedDecision === undefined
        ? step
        : {
            ...step,
            deadline: {
              date: objectionDecisionDeadline(objectedDecision),
              description: text(
                'Wettelijke beslistermijn bezwaar (6 weken na de bezwaartermijn, Awb 7:10)',
                'Statutory period for the objection decision (6 weeks after the objection period, Awb 7:10)',
              ),
            },
          };
    }
    case 'appeal':
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'record-court-ruling',
        text(
          'Het gezin ging in beroep bij de rechtbank: leg de uitspraak vast zodra die er is (gegrond of ongegrond).',
          'The family appealed to the court: record the ruling once it is given (upheld or dismissed).',
        ),
        state.appeal?.filedOn ?? since,
        norms.recordCourtRuling,
      );
    case 'kot-stopped': {
      const stop = state.kotStop;
      const decidedOn = stop?.decidedOn ?? since;
      const stoppedFrom = stop?.stoppedFrom ?? since;
      const unsecured = firstUnsecuredDay(state, stoppedFrom, maxDate(stoppedFrom, today));
      if (unsecured !== null) return secureUpcoming(unsecured, since);
      return wayForward(decidedOn);
    }
    case 'closed':
    case 'withdrawn':
      return null;
  }
}

/** The unmet conditions of a clear "no" from the eligibility check, in a sentence; else null. */
function clearNo(state: CaseState, today: IsoDate): Text | null {
  if (!state.household) return null;
  const verdict = eligibility(state, today);
  if (verdict.verdict !== 'no') return null;
  const unmet = verdict.conditions.filter((condition) => condition.met === false);
  return text(
    unmet.map((condition) => condition.explanation.nl).join(' '),
    unmet.map((condition) => condition.explanation.en).join(' '),
  );
}

/**
 * A granted KOT through the Wlz route lasts as long as the indication it rests on. Before a
 * temporary indication ends CIZ re-assesses it; once CIZ said it ends, the days after it are the
 * municipality's to secure before they come.
 */
function indicationSteps(state: CaseState, today: IsoDate): Draft | null {
  const end = indicationEnd(state);
  const officer = state.referringOfficer;
  if (end === null || !officer || !runningKot(state)) return null;
  if (!state.kot.some((period) => period.from <= end && period.to === undefined)) return null;
  const reassessedOn = state.indication?.endsAfterReassessment;
  if (reassessedOn !== undefined) {
    const from = firstUnsecuredDay(state, addDays(end, 1), addDays(end, 1));
    if (from === null) return null;
    return {
      action: 'secure-funding',
      description: text(
        `De Wlz-indicatie eindigt op ${end}, en daarmee de kinderopvangtoeslag: zet de SMI in vanaf ${from}, of accepteer het gat uitdrukkelijk met een reden.`,
        `The Wlz-indication ends on ${end}, and with it the allowance: put SMI in place from ${from}, or accept the gap explicitly with a reason.`,
      ),
      responsible: officer,
      since: reassessedOn,
      due: minDate(addDays(reassessedOn, norms.secureFundingAfterStop), from),
      escalateTo: municipalityLeadOf(state),
    };
  }
  const opens = addDays(end, -norms.renewIndicationLead);
  if (today < opens) return null;
  return {
    action: 'reassess-indication',
    description: text(
      `De tijdelijke Wlz-indicatie loopt af op ${end}; de kinderopvangtoeslag stopt dan mee. Beoordeel de indicatie opnieuw en leg vast of zij wordt verlengd of afloopt.`,
      `The temporary Wlz-indication ends on ${end}, and the allowance stops with it. Re-assess the indication and record whether it is extended or ends.`,
    ),
    responsible: cizDesk,
    since: opens,
    due: addDays(end, -norms.renewIndicationDueBeforeEnd),
    escalateTo: cizLead,
  };
}

const householdParty = (state: CaseState): PartyRef => ({
  organisation: householdOrganisation(state.caseId),
  role: 'household',
});

/**
 * After the grant life goes on: a corrected fact Toeslagen must check in CIZ's data, a change Toeslagen must hear of
 * while KOT pays (the claimant's, or the household's own when nobody may act for it) and
 * Toeslagen's processing of a change passed on (seed 000: help was needed again after the grant).
 */
function afterGrantStep(state: CaseState, today: IsoDate): Draft | null {
  const officer = state.referringOfficer;
  if (!officer) return null;
  const correction = correctionToCheck(state);
  const toeslagenChecks =
    state.wlzRequestRegisteredOn !== null &&
    (isOpen(state) || grantedAndClosed(state)) &&
    !(['indication-check', 'indication-missing'] as string[]).includes(state.status);
  if (correction && toeslagenChecks) {
    return {
      action: 'check-correction',
      description: text(
        `Op ${correction.correctedOn} is gecorrigeerd welke partner de Wlz-indicatie heeft: zoek de indicatie van die partner op in de gegevens van CIZ en bevestig soort en geldigheid. Tot dan is het recht onbekend.`,
        `On ${correction.correctedOn} the record of which partner holds the Wlz-indication was corrected: look that partner's indication up in CIZ's data and confirm its kind and validity. Until then the right is unknown.`,
      ),
      responsible: toeslagenDesk,
      since: correction.correctedOn,
      due: addDays(correction.correctedOn, norms.confirmIndication),
      escalateTo: toeslagenLead,
    };
  }
  const toPass = changesToPass(state)[0];
  if (toPass) {
    const claimant =
      state.claim && claimantMayApply(state, today) ? state.claim.by : householdParty(state);
    return {
      action: 'pass-change-to-toeslagen',
      description: text(
        `De situatie van het gezin is veranderd per ${toPass.effectiveFrom}, terwijl kinderopvangtoeslag loopt: geef de wijziging door aan Dienst Toeslagen. Zolang dat niet gebeurt, kan Toeslagen te veel betaalde toeslag later terugvorderen.`,
        `The family's circumstances changed from ${toPass.effectiveFrom} while KOT runs: pass the change to Dienst Toeslagen. Until then Toeslagen may later reclaim what it paid too much.`,
      ),
      responsible: claimant,
      since: toPass.recordedOn,
      due: maxDate(toPass.recordedOn, addDays(toPass.effectiveFrom, norms.passChange)),
      escalateTo: officer,
    };
  }
  const toProcess = changesToProcess(state)[0];
  if (toProcess?.passedOn !== undefined) {
    return {
      action: 'process-change',
      description: text(
        `Het gezin gaf een wijziging per ${toProcess.effectiveFrom} door: verwerk die en leg vast dat zij verwerkt is; wijzig of stop de toeslag als het recht daardoor verandert.`,
        `The family passed on a change from ${toProcess.effectiveFrom}: process it and record it processed; change or stop the allowance if the right changes.`,
      ),
      responsible: toeslagenDesk,
      since: toProcess.passedOn,
      due: addDays(toProcess.passedOn, norms.processChange),
      escalateTo: toeslagenLead,
    };
  }
  return null;
}

/** A year KOT paid for has ended: Toeslagen settles it definitively (vaststelling). */
function settlementStep(state: CaseState, today: IsoDate): Draft | null {
  const year = yearsToSettle(state, today)[0];
  if (year === undefined) return null;
  return {
    action: 'settle-kot',
    description: text(
      `Stel de kinderopvangtoeslag over ${year} definitief vast: nabetaling, terugvordering of geen verschil. Het gezin en wie het ondersteunt horen de uitkomst.`,
      `Settle the allowance for ${year} definitively: an additional payment, a reclaim or no difference. The family and whoever supports it are told the outcome.`,
    ),
    responsible: toeslagenDesk,
    since: `${year + 1}-01-01`,
    due: `${year + 1}-12-31`,
    escalateTo: toeslagenLead,
  };
}
