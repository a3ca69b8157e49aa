// The people. Each acts on a case only through what the platform shows them: the case's next step
// on their worklist (nextStep / pendingOffer), its facts and funding on the case page (eligibility,
// fundingCoverage), and their inbox. What they do then is what the reports say such a person does.
// The family's truth (the indication in CIZ's records, whether a letter got lost, whether the
// supporter goes silent) is used only by the party who holds it in the world: CIZ knows its own
// records, a silent supporter is silent, a family knows whether it wants to object.
import {
  CIZ,
  TOESLAGEN,
  addDays,
  applicationDate,
  claimantMayApply,
  earliestKotStart,
  eligibility,
  firstUnsecuredDay,
  fundingCoverage,
  householdOrganisation,
  maxDate,
  nextStep,
  objectionPeriodEnds,
  pendingOffer,
  stepBehindFunding,
  yearsToSettle,
  type Actor,
  type CaseState,
  type IsoDate,
  type Mandate,
  type PartyRef,
  type RejectionReason,
  type Role,
} from '@kot/domain';
import type { CommandRequest } from '@kot/referrals';
import type { Family } from './population';

export type PartyKind = 'officer' | 'supporter' | 'household' | 'toeslagen' | 'ciz' | 'lead';

/** What a person remembers of a case: their own earlier actions, never the family's truth. */
export interface CaseMemory {
  checked: boolean;
  offeredTo: string[];
  /** The officer told the family to apply itself (not a platform command: a conversation). */
  householdTold: boolean;
}

export interface Intent {
  actor: Actor;
  /** null: something said outside the platform (the officer telling the family to apply). */
  command: CommandRequest | null;
  /** Who is told, outside the platform, to look at the case. */
  tell?: PartyRef;
  /** Why, in a word: counted in the report (e.g. `extend-smi`, `reinstate-smi`). */
  why: string;
}

export const toeslagenOfficer: Actor = {
  id: 'toeslagen-1',
  role: 'toeslagen-officer',
  organisation: TOESLAGEN,
};
export const cizAssessor: Actor = { id: 'ciz-1', role: 'ciz-assessor', organisation: CIZ };

export const officerOf = (municipality: string): Actor => ({
  id: `officer-${municipality}`,
  role: 'smi-officer',
  organisation: municipality,
});

export const householdOf = (family: Family): Actor => ({
  id: `household-${family.n}`,
  role: 'household',
  organisation: householdOrganisation(family.caseId),
});

/** The supporter organisations a municipality's officers offer cases to. */
export function supportersOf(municipality: string, count: number): PartyRef[] {
  return Array.from({ length: count }, (_, i) => ({
    organisation: `org-${i % 3 === 2 ? 'cos' : 'bewind'}-${municipality}-${i}`,
    role: (i % 3 === 2 ? 'client-supporter' : 'bewindvoerder') as Role,
  }));
}

export const actorFor = (party: PartyRef): Actor => ({
  id: `${party.organisation}-staff`,
  role: party.role,
  organisation: party.organisation,
});

/** Which kind of person fills a party slot. */
export function kindOf(party: Pick<PartyRef, 'organisation' | 'role'>): PartyKind {
  if (party.role === 'smi-officer') return 'officer';
  if (party.role === 'household') return 'household';
  if (party.role === 'toeslagen-officer') return 'toeslagen';
  if (party.role === 'ciz-assessor') return 'ciz';
  if (party.role.endsWith('team-lead')) return 'lead';
  return 'supporter';
}

const unmetToReason: Record<string, RejectionReason> = {
  'partner-pair': 'single-parent',
  'one-indicated-partner': 'both-partners-indicated',
  'indication-counts': 'no-permanent-indication',
  'partner-works': 'partner-not-working',
  'registered-childcare': 'childcare-not-registered',
};

const command = (type: string, caseId: string, fields: Record<string, unknown> = {}) =>
  ({ type, caseId, ...fields }) as unknown as CommandRequest;

export interface Situation {
  state: CaseState;
  family: Family;
  memory: CaseMemory;
  today: IsoDate;
  now: string;
  supporters: PartyRef[];
  /** Share of offers a supporter declines (parameters.offerDeclined). */
  offerDeclined: number;
}

/** The referring officer: referral, offers, the municipality's SMI, chasing silent supporters. */
export function officerAction(s: Situation): Intent | null {
  const { state, family, memory, today } = s;
  const officer = officerOf(family.municipality.code);
  const act = (why: string, type: string, fields: Record<string, unknown> = {}): Intent => ({
    actor: officer,
    command: command(type, family.caseId, fields),
    why,
  });
  if (state.status === 'closed' || state.status === 'withdrawn') return fundingAction(s, act);
  const funding = fundingAction(s, act);
  if (funding) return funding;
  const step = nextStep(state, s.now);
  if (!step) return null;
  const mine = step.responsible.role === 'smi-officer';
  if (state.status === 'referred' && !memory.checked) {
    memory.checked = true;
    return act('check', 'CheckEligibility');
  }
  switch (mine ? step.action : null) {
    case 'offer-to-supporter':
    case 'get-case-claimed': {
      if (step.action === 'get-case-claimed' && !step.overdue) return null;
      if (!state.offer && state.status === 'referred' && memory.offeredTo.length === 0) {
        const verdict = eligibility(state, today).verdict;
        if (verdict === 'no' && !family.appliesDespiteNo) {
          return act('close-not-eligible', 'CloseCase', {
            outcome: 'not-eligible',
            note: 'De toets zegt nee; het gezin blijft op SMI.',
          });
        }
      }
      if (family.claimsItself && !memory.householdTold && !state.offer) {
        // Only supporters can be offered a case; the household takes it on itself when told.
        memory.householdTold = true;
        const household = householdOf(family);
        return {
          actor: officer,
          command: null,
          tell: { organisation: household.organisation, role: 'household' },
          why: 'tell-household-to-apply',
        };
      }
      if (
        step.action === 'offer-to-supporter' &&
        memory.householdTold &&
        !state.offer &&
        !step.overdue
      ) {
        return null;
      }
      const to = nextSupporter(s);
      memory.offeredTo.push(to.organisation);
      return act('offer', 'OfferCase', { to });
    }
    case 'decide-with-family': {
      // A clear no: the family applies anyway when it wants to (a supporter does, with the
      // reason), else it stays on SMI and the case closes.
      if (family.appliesDespiteNo && !state.offer) {
        const to = nextSupporter(s);
        memory.offeredTo.push(to.organisation);
        return act('offer-despite-no', 'OfferCase', { to });
      }
      const smiRuns = state.smi.some((p) => p.from <= today && today <= p.to);
      return act('close-not-eligible', 'CloseCase', {
        outcome: smiRuns ? 'stays-on-smi' : 'not-eligible',
        note: 'De toets zegt nee; het gezin blijft op SMI.',
      });
    }
    case 'align-smi': {
      // As the step says: the day before KOT starts, or SMI's own first day when KOT began earlier.
      const grantedFrom = state.kot[state.kot.length - 1]?.from ?? today;
      const smi = state.smi[state.smi.length - 1];
      const lastDay = smi ? maxDate(addDays(grantedFrom, -1), smi.from) : today;
      return act('end-smi', 'EndSmi', { lastDay });
    }
    case 'continue-smi':
      return keepSmiRunning(s, act);
    case 'secure-funding':
      return fundingAction(s, act, true);
    default:
      break;
  }
  // Escalated to the officer: a supporter who lets a step run over is taken off the case.
  if (!mine && step.escalateTo.role === 'smi-officer' && step.daysOverdue >= 7 && state.claim) {
    return act('release-silent-supporter', 'ReleaseClaim', {
      reason: 'De ondersteuner reageert niet; de gemeente biedt de zaak opnieuw aan.',
    });
  }
  return null;
}

function nextSupporter(s: Situation): PartyRef {
  const tried = new Set(s.memory.offeredTo);
  const untried = s.supporters.filter((p) => !tried.has(p.organisation));
  const pool = untried.length > 0 ? untried : s.supporters;
  return pool[(s.family.n + s.memory.offeredTo.length) % pool.length]!;
}

const smiDays = (state: CaseState) =>
  state.smi.reduce((sum, p) => sum + (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1, 0);

/** An SMI period may be extended while the municipality extends and a year is not used up. */
const mayExtend = (s: Situation) => s.family.municipality.extends && smiDays(s.state) < 365;

function keepSmiRunning(
  s: Situation,
  act: (why: string, type: string, fields?: Record<string, unknown>) => Intent,
): Intent {
  const smiEnd = s.state.smi[s.state.smi.length - 1]?.to ?? s.today;
  if (mayExtend(s)) {
    return act('extend-smi', 'ExtendSmi', {
      until: addDays(maxDate(smiEnd, s.today), s.family.municipality.smiMonths * 30),
    });
  }
  return act('accept-gap', 'AcceptFundingGap', {
    from: addDays(smiEnd, 1),
    reason: 'Gemeentelijk beleid: de SMI kan niet verder worden verlengd.',
  });
}

/**
 * What the officer does about the family's funding as the case page shows it: SMI about to end
 * without KOT (extend, or accept the gap when policy forbids), or days already without funding
 * (reinstate SMI where the municipality pays back, accept the gap where it does not).
 */
function fundingAction(
  s: Situation,
  act: (why: string, type: string, fields?: Record<string, unknown>) => Intent,
  stepAsked = false,
): Intent | null {
  const { state, today } = s;
  if (state.status === 'new' || state.smi.length === 0) return null;
  const firstSmi = state.smi[0]!.from;
  const unsecured = firstUnsecuredDay(state, firstSmi, today);
  if (unsecured !== null) {
    if (s.family.municipality.retroactive) {
      return act('reinstate-smi', 'ReinstateSmi', {
        from: unsecured,
        until: addDays(maxDate(unsecured, today), s.family.municipality.smiMonths * 30),
      });
    }
    return act('accept-gap', 'AcceptFundingGap', {
      from: unsecured,
      reason: 'De gemeente vergoedt SMI niet met terugwerkende kracht.',
    });
  }
  if (stepAsked || state.closure) return null;
  const coverage = fundingCoverage(state, s.now);
  if (coverage.atRisk && coverage.smiEndsOn) return keepSmiRunning(s, act);
  return null;
}

/** A supporter (or the household for itself) on the steps that are theirs. */
export function claimantAction(s: Situation, party: PartyRef): Intent | null {
  const { state, family, today } = s;
  const actor = party.role === 'household' ? householdOf(family) : actorFor(party);
  const act = (why: string, type: string, fields: Record<string, unknown> = {}): Intent => ({
    actor,
    command: command(type, family.caseId, fields),
    why,
  });
  if (party.role === 'household' && !state.claim && s.memory.householdTold) {
    return act('claim', 'ClaimCase', { mandate: mandateFor(s, party) });
  }
  const offer = pendingOffer(state, s.now);
  if (offer && offer.responsible.organisation === party.organisation) {
    if (party.role !== 'household' && declines(s, party)) {
      return act('decline', 'DeclineOffer', { reason: 'Geen ruimte voor nieuwe cliënten.' });
    }
    return act('claim', 'ClaimCase', { mandate: mandateFor(s, party) });
  }
  // The step may wait behind the municipality's funding step: it goes on meanwhile.
  const step = [nextStep(state, s.now), stepBehindFunding(state, s.now)].find(
    (candidate) => candidate?.responsible.organisation === party.organisation,
  );
  if (!step) return null;
  // The case page shows the mandate's end; a supporter whose mandate ran out renews it before
  // acting for the family again (the platform's refusal says so too).
  if (step.action !== 'arrange-mandate' && !claimantMayApply(state, today)) {
    return act('renew-mandate', 'RecordMandate', {
      mandate: { ...mandateFor(s, party), validFrom: today, validUntil: addDays(today, 365) },
    });
  }
  switch (step.action) {
    case 'arrange-mandate':
      return act('renew-mandate', 'RecordMandate', {
        mandate: { ...mandateFor(s, party), validFrom: today, validUntil: addDays(today, 365) },
      });
    case 'request-kot':
      return act('request', 'RequestKot', { channel: 'phone' });
    case 'decide-with-family': {
      if (family.appliesDespiteNo) {
        return act('request-despite-no', 'RequestKot', {
          channel: 'phone',
          applyAnywayReason: 'Het gezin wil een besluit van Dienst Toeslagen zelf.',
        });
      }
      const smiRuns = state.smi.some((p) => p.from <= today && today <= p.to);
      return act('close-not-eligible', 'CloseCase', {
        outcome: smiRuns ? 'stays-on-smi' : 'not-eligible',
      });
    }
    case 'send-ciz-decision':
      return act('send-copy', 'SubmitCizDecisionCopy', {
        partnerId: family.indication.partnerId,
        kind: family.indication.kind,
        validFrom: family.indication.validFrom,
        ...(family.indication.validTo ? { validTo: family.indication.validTo } : {}),
      });
    case 'return-forms':
      return act('submit', 'SubmitApplication', {
        requestedStart: earliestKotStart(today, state.indication),
        signedByBothPartners: true,
      });
    case 'reapply-or-object': {
      const decidedOn =
        state.status === 'rejected' ? state.decision?.decidedOn : state.kotStop?.decidedOn;
      const objectionOpen =
        state.objection === null &&
        decidedOn !== undefined &&
        today <= objectionPeriodEnds(decidedOn);
      // A stop on a wrong figure is always objected to; a rejection when the family wants to.
      const wrongStop = state.status === 'kot-stopped' && state.kotStop?.setToZero === true;
      if (objectionOpen && (wrongStop || family.objectsToRejection)) {
        return act('object', 'FileObjection', {
          grounds: 'Het besluit berust op onjuiste gegevens.',
        });
      }
      const smiRuns = state.smi.some((p) => p.from <= today && today <= p.to);
      return act(smiRuns ? 'close-stays-on-smi' : 'close-no-longer-needed', 'CloseCase', {
        outcome: smiRuns ? 'stays-on-smi' : 'no-longer-needed',
      });
    }
    case 'aftercare':
      return act('close-granted', 'CloseCase', { outcome: 'kot-granted' });
    default:
      return null;
  }
}

function declines(s: Situation, party: PartyRef): boolean {
  // The same supporter answers the same case the same way: keyed, not drawn again per look.
  let hash = s.family.n * 31;
  for (const char of party.organisation) hash = (hash * 33 + char.charCodeAt(0)) >>> 0;
  return (hash % 1000) / 1000 < s.offerDeclined;
}

function mandateFor(s: Situation, party: PartyRef): Mandate {
  const { family, today } = s;
  const ends = family.failures.mandateEndsAfterDays;
  const validUntil = ends === null ? {} : { validUntil: addDays(today, ends) };
  if (party.role === 'household') return { type: 'none', validFrom: today };
  if (party.role === 'bewindvoerder') {
    return {
      type: 'court-bewind',
      partnerIds: ['p1', 'p2'],
      reference: 'C/16/100001 / BW RK 22-1',
      validFrom: addDays(family.referredOn, -365),
      ...validUntil,
    };
  }
  return {
    type: 'digid-machtiging',
    partnerIds: family.household.partners.map((p) => p.partnerId),
    validFrom: today,
    ...(ends === null ? { validUntil: addDays(today, 365) } : validUntil),
  };
}

/** Dienst Toeslagen's desk: registers, sends forms, decides on what the case shows. */
export function toeslagenAction(s: Situation): Intent | null {
  const { state, family, today } = s;
  const act = (why: string, type: string, fields: Record<string, unknown> = {}): Intent => ({
    actor: toeslagenOfficer,
    command: command(type, family.caseId, fields),
    why,
  });
  const step = [nextStep(state, s.now), stepBehindFunding(state, s.now)].find(
    (candidate) => candidate?.responsible.role === 'toeslagen-officer',
  );
  if (!step) return null;
  switch (step.action) {
    case 'register-wlz-request':
      return act('register', 'RegisterWlzRequest');
    case 'settle-kot': {
      // The simulated families' circumstances do not change: the year settles without a difference.
      const year = yearsToSettle(state, today)[0];
      return year === undefined
        ? null
        : act('settle', 'SettleKot', { year, outcome: 'no-difference', amountCents: 0 });
    }
    case 'confirm-indication':
      return lookUpIndication(s);
    case 'send-forms':
      return act('send-forms', 'SendApplicationForms');
    case 'register-receipt':
      return act('receive', 'RecordApplicationReceived');
    case 'decide-application': {
      const received = applicationDate(state) ?? today;
      const result = eligibility(state, today);
      if (result.verdict === 'yes') {
        const earliest = earliestKotStart(received, state.indication);
        const requested = state.application?.requestedStart ?? earliest;
        return act('grant', 'GrantKot', { grantedFrom: maxDate(requested, earliest) });
      }
      const unmet = result.conditions.find((c) => c.met === false);
      return act('reject', 'RejectKot', {
        reason: unmet ? (unmetToReason[unmet.code] ?? 'other') : 'application-incomplete',
        explanation: 'Niet aan de voorwaarden voldaan.',
      });
    }
    case 'decide-objection': {
      const against = state.objection?.against;
      const stop = state.kotStop;
      if (against === 'stop' && stop?.setToZero) {
        return act('uphold', 'DecideObjection', {
          upheld: true,
          grantedFrom: stop.stoppedFrom,
          explanation: 'Het gegeven was onjuist; de toeslag loopt door.',
        });
      }
      const result = eligibility(state, today);
      if (against === 'rejection' && result.verdict === 'yes') {
        const received = applicationDate(state) ?? today;
        return act('uphold', 'DecideObjection', {
          upheld: true,
          grantedFrom: earliestKotStart(received, state.indication),
          explanation: 'Bij heroverweging voldoet het gezin aan de voorwaarden.',
        });
      }
      return act('dismiss', 'DecideObjection', {
        upheld: false,
        explanation: 'Het gezin voldoet niet aan de voorwaarden.',
      });
    }
    default:
      return null;
  }
}

/** CIZ re-assesses a temporary indication from what it knows. */
export function cizAction(s: Situation): Intent | null {
  const step = [nextStep(s.state, s.now), stepBehindFunding(s.state, s.now)].find(
    (candidate) => candidate?.responsible.role === 'ciz-assessor',
  );
  const { family } = s;
  const truth = family.indication;
  if (step?.action === 'reassess-indication') {
    // CIZ knows whether the indication goes on: the true end lies within the year or beyond it.
    const endsForGood = truth.validTo !== undefined && truth.validTo <= addDays(s.today, 90);
    return {
      actor: cizAssessor,
      why: endsForGood ? 'indication-ends' : 'indication-extended',
      command: endsForGood
        ? command('ReassessWlzIndication', family.caseId, {
            partnerId: truth.partnerId,
            outcome: 'ends',
          })
        : command('ReassessWlzIndication', family.caseId, {
            partnerId: truth.partnerId,
            outcome: 'extended',
            kind: 'temporary',
            validTo: addDays(truth.validTo ?? s.today, 365),
          }),
    };
  }
  return null;
}

/** The desk looks the indication up in its view of CIZ's data: found, or not there. */
function lookUpIndication(s: Situation): Intent {
  const { family } = s;
  const truth = family.indication;
  return family.foundByCiz
    ? {
        actor: toeslagenOfficer,
        why: 'confirm',
        command: command('ConfirmWlzIndication', family.caseId, {
          partnerId: truth.partnerId,
          kind: truth.kind,
          validFrom: truth.validFrom,
          ...(truth.validTo ? { validTo: truth.validTo } : {}),
        }),
      }
    : {
        actor: toeslagenOfficer,
        why: 'not-found',
        command: command('ReportWlzIndicationNotFound', family.caseId, {
          partnerId: truth.partnerId,
          reason: 'Indicatie niet gevonden in de inkijkfunctie van CIZ.',
        }),
      };
}
