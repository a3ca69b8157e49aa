import {
  addDays,
  dateInAmsterdam,
  daysBetween,
  maxDate,
  minDate,
  type Instant,
  type IsoDate,
} from '../calendar';
import { CIZ, TOESLAGEN, type PartyRef } from '../parties';
import { text, type Text } from '../text';
import { earliestKotStart } from './eligibility';
import { firstUnsecuredDay } from './fundingCoverage';
import { claimantMayApply } from './mandate';
import { norms, objectionPeriodEnds } from './norms';
import type { CaseState } from './state';

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
export function nextStep(state: CaseState, now: Instant): NextStep | null {
  const today = dateInAmsterdam(now);
  const draft = draftStep(state, today);
  if (!draft) return null;
  const late = daysBetween(draft.due, today);
  return { ...draft, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

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

function draftStep(state: CaseState, today: IsoDate): Draft | null {
  const officer = state.referringOfficer;
  if (
    !officer ||
    state.status === 'new' ||
    state.status === 'closed' ||
    state.status === 'withdrawn'
  ) {
    return null;
  }
  const since = state.statusSince ?? state.referredOn ?? '1970-01-01';
  const municipalityLead: PartyRef = { organisation: state.municipality, role: 'smi-team-lead' };
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
      ? {
          action,
          description,
          responsible: state.claim.by,
          since: from,
          due: addDays(from, days),
          escalateTo: officer,
        }
      : officerStep(
          'offer-to-supporter',
          text(
            'Niemand ondersteunt het gezin meer bij deze stap: bied de zaak aan een ondersteuner aan.',
            'Nobody supports the family in this step any more: offer the case to a supporter.',
          ),
          from,
          norms.offerReferral,
        );
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

  /** After a rejection or a stop, days without funding that nobody accepted come first. */
  const reinstateSmi = (from: IsoDate, stepSince: IsoDate): Draft =>
    officerStep(
      'secure-funding',
      text(
        `Het gezin heeft vanaf ${from} geen SMI en geen kinderopvangtoeslag: zet de SMI weer in vanaf ${from}, of accepteer het gat uitdrukkelijk met een reden.`,
        `The family has neither SMI nor KOT from ${from}: reinstate SMI from ${from}, or accept the gap explicitly with a reason.`,
      ),
      stepSince,
      norms.secureFundingAfterStop,
    );
  /**
   * Funding is settled after a rejection or a stop: the supporter decides with the family whether
   * to object (while the period runs), apply again, or close the case.
   */
  const wayForward = (decidedOn: IsoDate): Draft => {
    const objectionEnds = objectionPeriodEnds(decidedOn);
    const objectionPossible = state.objection === null && today <= objectionEnds;
    const decidedObjection = state.objection?.decidedOn;
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
      objectionPossible ? norms.objectionPeriod : norms.reapplyOrClose,
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
    case 'referred':
      return state.offer
        ? officerStep(
            'get-case-claimed',
            text(
              `Zorg dat de zaak wordt opgepakt; aangeboden aan ${state.offer.to.name ?? state.offer.to.organisation}.`,
              `Make sure the case is taken on; offered to ${state.offer.to.name ?? state.offer.to.organisation}.`,
            ),
            state.offer.offeredOn,
            norms.claimOffer,
          )
        : officerStep(
            'offer-to-supporter',
            text(
              'Bied de zaak aan een bewindvoerder of andere ondersteuner aan, of laat het gezin zelf aanvragen.',
              'Offer the case to a bewindvoerder or another supporter, or let the household apply itself.',
            ),
            since,
            norms.offerReferral,
          );
    case 'claimed': {
      const claim = state.claim;
      // The household applies for itself; only a supporter needs a mandate to do so.
      if (claim && !claimantMayApply(state, today)) {
        return supporterStep(
          'arrange-mandate',
          text(
            'Regel een machtiging waarmee u mag aanvragen, of draag de zaak over aan wie dat mag.',
            'Arrange a mandate that allows you to apply, or hand the case to someone who may.',
          ),
          claim.claimedOn,
          norms.arrangeMandate,
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
          'Bel terug en registreer het Wlz-verzoek; controleer de indicatie bij CIZ.',
          'Call back and register the Wlz request; check the indication with CIZ.',
        ),
        since,
        norms.registerWlzRequest,
      );
    case 'indication-check':
      return deskStep(
        cizDesk,
        cizLead,
        'confirm-indication',
        text(
          'Bevestig de Wlz-indicatie (soort en geldigheid).',
          'Confirm the Wlz-indication (kind and validity).',
        ),
        since,
        norms.confirmIndication,
      );
    case 'indication-missing':
      return supporterStep(
        'send-ciz-decision',
        text(
          'CIZ vond de indicatie niet: stuur een kopie van het CIZ-besluit naar Dienst Toeslagen.',
          "CIZ did not find the indication: send a copy of CIZ's decision to Dienst Toeslagen.",
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
      // Advice against this month: the legal date is the receipt at Toeslagen, which can only be
      // later, so an earlier start than this can never be granted.
      const earliest = earliestKotStart(today, state.indication);
      return supporterStep(
        'return-forms',
        text(
          `Vul de formulieren in met het gezin, laat beide partners tekenen en stuur ze terug. Vraag als ingangsdatum niet eerder dan ${earliest}: de toeslag gaat op zijn vroegst in op de eerste dag van de maand drie maanden vóór de maand waarin Toeslagen de aanvraag ontvangt.`,
          `Fill in the forms with the family, have both partners sign, and send them back. Ask for a start no earlier than ${earliest}: the allowance starts at the earliest on the first day of the month three months before the month Toeslagen receives the application.`,
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
      const earliest = earliestKotStart(received, state.indication);
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
          date: addDays(received, norms.decideLegalMaximum),
          description: text(
            'Wettelijke beslistermijn (13 weken)',
            'Legal decision deadline (13 weeks)',
          ),
        },
      };
    }
    case 'granted': {
      const grantedFrom = state.kot[state.kot.length - 1]?.from ?? since;
      const smiEnd = state.smi[state.smi.length - 1]?.to;
      if (smiEnd !== undefined && smiEnd >= grantedFrom) {
        return officerStep(
          'align-smi',
          text(
            `Kinderopvangtoeslag loopt vanaf ${grantedFrom}: beëindig de SMI per ${addDays(grantedFrom, -1)}.`,
            `KOT runs from ${grantedFrom}: end SMI on ${addDays(grantedFrom, -1)}.`,
          ),
          since,
          norms.alignSmi,
        );
      }
      return supporterStep(
        'aftercare',
        text(
          'Controleer met het gezin de eerste betaling en de gegevens bij Toeslagen; sluit dan de zaak.',
          'Check the first payment and the details held by Toeslagen with the family; then close the case.',
        ),
        since,
        norms.aftercare,
      );
    }
    case 'rejected': {
      const decidedOn = state.decision?.decidedOn ?? since;
      const objectionEnds = objectionPeriodEnds(decidedOn);
      const objectionDecided = state.objection?.decidedOn !== undefined;
      const smiEnd = state.smi[state.smi.length - 1]?.to ?? decidedOn;
      if (smiEnd < today) {
        // SMI has already ended: the officer must bring it back, unless the gap is accepted.
        const unsecured = firstUnsecuredDay(state, addDays(smiEnd, 1), today);
        if (unsecured !== null) return reinstateSmi(unsecured, decidedOn);
        return wayForward(decidedOn);
      }
      // SMI ends on a set day and the officer accepted the days after it: decided, not pending.
      const dayAfterSmi = addDays(smiEnd, 1);
      if (firstUnsecuredDay(state, dayAfterSmi, dayAfterSmi) === null) return wayForward(decidedOn);
      return {
        ...officerStep(
          'continue-smi',
          objectionDecided
            ? text(
                'Het bezwaar is afgewezen: zet de SMI voort. Sluit de zaak, of laat de ondersteuner opnieuw aanvragen als de situatie van het gezin verandert.',
                "The objection was rejected: continue SMI. Close the case, or let the supporter apply again when the family's situation changes.",
              )
            : text(
                'Kinderopvangtoeslag is afgewezen: zet de SMI voort zolang bezwaar loopt of het gezin geen recht heeft.',
                'KOT was rejected: keep SMI running while an objection is possible or the family is not entitled.',
              ),
          since,
          0,
        ),
        due: objectionDecided ? addDays(since, norms.alignSmi) : minDate(smiEnd, objectionEnds),
        ...(objectionDecided
          ? {}
          : {
              deadline: {
                date: objectionEnds,
                description: text(
                  'Einde bezwaartermijn (6 weken)',
                  'End of the objection period (6 weeks)',
                ),
              },
            }),
      };
    }
    case 'objection':
      return deskStep(
        toeslagenDesk,
        toeslagenLead,
        'decide-objection',
        text('Beslis op het bezwaar (6 weken).', 'Decide on the objection (6 weeks).'),
        state.objection?.filedOn ?? since,
        norms.decideObjection,
      );
    case 'kot-stopped': {
      const stop = state.kotStop;
      const decidedOn = stop?.decidedOn ?? since;
      const stoppedFrom = stop?.stoppedFrom ?? since;
      const unsecured = firstUnsecuredDay(state, stoppedFrom, maxDate(stoppedFrom, today));
      if (unsecured !== null) return reinstateSmi(unsecured, since);
      return wayForward(decidedOn);
    }
  }
}
