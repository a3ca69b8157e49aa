// For a case's next step, the commands that take it: what its owner (or, for a step that waits on
// someone else, that party) would send. The invariant tests check that one of them is accepted and
// moves the case on, so no step can sit overdue for ever because its own command is refused.
import {
  addDays,
  dateInAmsterdam,
  firstOfMonth,
  maxDate,
  type Instant,
  type IsoDate,
} from '../calendar';
import type { CaseCommand } from '../case/commands';
import type { Mandate } from '../case/mandate';
import type { CommandContext } from '../case/decide';
import { applicationDate, earliestKotStart } from '../case/eligibility';
import type { NextStep } from '../case/nextStep';
import { objectionPeriodEnds } from '../case/norms';
import { correctionToCheck, yearsToSettle } from '../case/decideChanges';
import { changesToPass, changesToProcess } from '../case/householdChanges';
import type { CaseState } from '../case/state';
import { CIZ, TOESLAGEN, type Actor, type PartyRef } from '../parties';

/** A person filling a party's slot (the person named, or a colleague in the same office role). */
export const actorFor = (party: PartyRef): Actor => ({
  id: party.personId ?? `u-${party.role}`,
  role: party.role,
  organisation: party.organisation,
});

const toeslagen: Actor = { id: 'u-dt-step', role: 'toeslagen-officer', organisation: TOESLAGEN };
const ciz: Actor = { id: 'u-ciz-step', role: 'ciz-assessor', organisation: CIZ };

export type StepCommand = [CaseCommand, CommandContext];

/** Candidate commands that take `step` on this case at `now`; one of them must be accepted. */
export function stepCommands(step: NextStep, state: CaseState, now: Instant): StepCommand[] {
  const caseId = state.caseId;
  const today = dateInAmsterdam(now);
  const owner = actorFor(step.responsible);
  const officer = state.referringOfficer ? actorFor(state.referringOfficer) : owner;
  const claimant = state.claim ? actorFor(state.claim.by) : owner;
  const by = (actor: Actor): CommandContext => ({ actor, now });
  const indicated = state.indication?.partnerId ?? firstIndicatedPartner(state);
  switch (step.action) {
    case 'offer-to-supporter':
    case 'get-case-claimed':
      return [
        // The offered supporter taking the case on is what moves an offered case.
        ...(state.offer
          ? [
              [
                {
                  type: 'ClaimCase',
                  caseId,
                  mandate: mandateFor(state.offer.to, state, addDays(today, -400)),
                },
                by(actorFor(state.offer.to)),
              ] satisfies StepCommand,
            ]
          : []),
        [
          {
            type: 'OfferCase',
            caseId,
            to: { organisation: 'org-bewind-step', role: 'bewindvoerder' },
          },
          by(officer),
        ],
      ];
    case 'claim-or-decline-offer':
      return [
        [
          {
            type: 'ClaimCase',
            caseId,
            mandate: mandateFor(step.responsible, state, addDays(today, -400)),
          },
          by(owner),
        ],
      ];
    case 'arrange-mandate':
      return [
        [
          {
            type: 'RecordMandate',
            caseId,
            mandate: courtBewind(state, addDays(today, -1)),
          },
          by(claimant),
        ],
        [{ type: 'ReleaseClaim', caseId, reason: 'Geen machtiging te krijgen' }, by(owner)],
      ];
    case 'request-kot':
      return [[{ type: 'RequestKot', caseId, channel: 'phone' }, by(owner)]];
    case 'decide-with-family':
      // With the family: apply anyway (a recorded reason), or stay on SMI and close; before anyone
      // holds the case, the officer may still offer it so a supporter can apply.
      return state.claim
        ? [
            [
              {
                type: 'RequestKot',
                caseId,
                channel: 'letter',
                applyAnywayReason: 'Het gezin wil toch een besluit van Toeslagen',
              },
              by(owner),
            ],
            [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(owner)],
          ]
        : [
            [
              {
                type: 'OfferCase',
                caseId,
                to: { organisation: 'org-bewind-step', role: 'bewindvoerder' },
              },
              by(officer),
            ],
            [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(officer)],
          ];
    case 'register-wlz-request':
      return [[{ type: 'RegisterWlzRequest', caseId }, by(toeslagen)]];
    case 'confirm-indication':
      return [
        [
          {
            type: 'ConfirmWlzIndication',
            caseId,
            partnerId: indicated,
            kind: 'permanent',
            validFrom: '2020-01-01',
          },
          by(toeslagen),
        ],
      ];
    case 'send-ciz-decision':
      return [
        [
          {
            type: 'SubmitCizDecisionCopy',
            caseId,
            partnerId: indicated,
            kind: 'permanent',
            validFrom: '2020-01-01',
          },
          by(owner),
        ],
      ];
    case 'send-forms':
      return [[{ type: 'SendApplicationForms', caseId }, by(toeslagen)]];
    case 'return-forms':
      return [
        [
          {
            type: 'SubmitApplication',
            caseId,
            requestedStart: firstOfMonth(today),
            signedByBothPartners: true,
          },
          by(owner),
        ],
      ];
    case 'register-receipt':
      return [[{ type: 'RecordApplicationReceived', caseId }, by(toeslagen)]];
    case 'decide-application': {
      const received = applicationDate(state) ?? today;
      return [
        [
          {
            type: 'RejectKot',
            caseId,
            reason: 'other',
            explanation: 'Voorwaarden niet aangetoond',
          },
          by(toeslagen),
        ],
        [
          {
            type: 'GrantKot',
            caseId,
            grantedFrom: maxDate(earliestKotStart(received, state.indication), firstOfMonth(today)),
          },
          by(toeslagen),
        ],
      ];
    }
    case 'align-smi': {
      const smi = state.smi[state.smi.length - 1];
      const grantedFrom = state.kot[state.kot.length - 1]?.from ?? today;
      const lastDay = smi ? maxDate(addDays(grantedFrom, -1), smi.from) : today;
      return [[{ type: 'EndSmi', caseId, lastDay }, by(owner)]];
    }
    case 'aftercare':
      return [
        [{ type: 'CloseCase', caseId, outcome: 'kot-granted' }, by(owner)],
        [{ type: 'CloseCase', caseId, outcome: 'kot-granted' }, by(officer)],
      ];
    case 'continue-smi': {
      const decidedOn = state.decision?.decidedOn ?? today;
      return [
        [
          { type: 'ExtendSmi', caseId, until: addDays(objectionPeriodEnds(decidedOn), 30) },
          by(owner),
        ],
      ];
    }
    case 'decide-objection':
      return [
        [
          { type: 'DecideObjection', caseId, upheld: false, explanation: 'Bezwaar ongegrond' },
          by(toeslagen),
        ],
      ];
    case 'secure-funding':
      return [
        [
          { type: 'ReinstateSmi', caseId, from: step.since, until: addDays(step.since, 90) },
          by(owner),
        ],
        [
          {
            type: 'AcceptFundingGap',
            caseId,
            from: step.since,
            reason: 'Gezin heeft geen opvang meer nodig',
          },
          by(owner),
        ],
      ];
    case 'reapply-or-object':
      return [
        [{ type: 'FileObjection', caseId, grounds: 'Het gezin heeft wel recht' }, by(claimant)],
        [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(claimant)],
        [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(officer)],
      ];
    case 'confirm-decision-received':
      return [[{ type: 'ConfirmDecisionReceived', caseId, channel: 'berichtenbox' }, by(owner)]];
    case 'appeal-or-reapply':
      return [
        [
          { type: 'FileAppeal', caseId, grounds: 'De beslissing op bezwaar klopt niet' },
          by(claimant),
        ],
        [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(claimant)],
        [{ type: 'CloseCase', caseId, outcome: 'not-eligible' }, by(officer)],
      ];
    case 'record-court-ruling':
      return [
        [
          {
            type: 'RecordCourtRuling',
            caseId,
            outcome: 'dismissed',
            explanation: 'Het beroep is ongegrond',
          },
          by(toeslagen),
        ],
      ];
    case 'pass-change-to-toeslagen': {
      const change = changesToPass(state)[0];
      return change
        ? [[{ type: 'PassChangeToToeslagen', caseId, changeId: change.changeId }, by(owner)]]
        : [];
    }
    case 'process-change': {
      const change = changesToProcess(state)[0];
      return change
        ? [[{ type: 'RecordChangeProcessed', caseId, changeId: change.changeId }, by(toeslagen)]]
        : [];
    }
    case 'check-correction': {
      const correction = correctionToCheck(state);
      return correction
        ? [
            [
              {
                type: 'ConfirmWlzIndication',
                caseId,
                partnerId: correction.partnerId,
                kind: 'permanent',
                validFrom: '2020-01-01',
              },
              by(toeslagen),
            ],
          ]
        : [];
    }
    case 'settle-kot': {
      const year = yearsToSettle(state, today)[0];
      return year === undefined
        ? []
        : [
            [
              { type: 'SettleKot', caseId, year, outcome: 'no-difference', amountCents: 0 },
              by(toeslagen),
            ],
          ];
    }
    case 'reassess-indication':
      return [
        [
          {
            type: 'ReassessWlzIndication',
            caseId,
            partnerId: indicated,
            outcome: 'extended',
            kind: 'permanent',
          },
          by(ciz),
        ],
      ];
  }
}

/** A court bewind over every parent of the household, with the court's reference. */
export const courtBewind = (state: CaseState, validFrom: IsoDate): Mandate => ({
  type: 'court-bewind',
  partnerIds: state.household?.partners.map((partner) => partner.partnerId) ?? ['p1'],
  reference: 'C/16/123456 / BW RK 24-1',
  validFrom,
});

/** The mandate a supporter in this role would bring: a bewindvoerder the court's; others the family's. */
const mandateFor = (party: PartyRef, state: CaseState, validFrom: IsoDate): Mandate =>
  party.role === 'bewindvoerder'
    ? courtBewind(state, validFrom)
    : {
        type: 'digid-machtiging',
        partnerIds: state.household?.partners.map((partner) => partner.partnerId) ?? ['p1'],
        validFrom,
      };

function firstIndicatedPartner(state: CaseState): string {
  const partners = state.household?.partners ?? [];
  return (partners.find((p) => p.wlzIndication !== null) ?? partners[0])?.partnerId ?? 'p1';
}
