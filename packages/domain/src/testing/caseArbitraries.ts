// Random but well-formed histories of a case for property tests: a synthetic family, an SMI
// period, and a sequence of moves (days passing, then a command by the party who would send it,
// with dates drawn around the day). Many commands are refused; that is part of the test: a refusal
// must leave the case as it was. Imported by the tests directly (it needs fast-check, a dev tool).
import fc from 'fast-check';
import { addDays, daysBetween, firstOfMonth, type IsoDate } from '../calendar';
import { caseCommandTypes, type CaseCommand, type CaseCommandType } from '../case/commands';
import type { CommandContext } from '../case/decide';
import { closingOutcomes, rejectionReasons } from '../case/events';
import { workStatuses, type Household, type WlzIndication } from '../case/household';
import type { Mandate } from '../case/mandate';
import type { CaseState } from '../case/state';
import { syntheticBsn } from '../identifiers';
import { householdOrganisation, type Actor } from '../parties';
import { nextStep, pendingOffer } from '../case/nextStep';
import { actorFor, stepCommands } from './stepCommands';
import { actors, caseId, child } from './fixtures';

export interface CaseHistoryPlan {
  start: IsoDate;
  household: Household;
  withChildcare: boolean;
  smi: { from: IsoDate; to: IsoDate };
  /** The case came in by a professional's signal, without SMI: who signalled it. */
  signalledBy?: Actor | null;
  moves: Move[];
}

type WithoutCaseId<C> = C extends unknown ? Omit<C, 'caseId'> : never;

export interface Move {
  /** Days that pass before the command. */
  days: number;
  /** A command of this type, or the command that takes the case's next step (or its offer). */
  type: CaseCommandType | 'TakeNextStep' | 'TakeOffer';
  /** Free choices the command's fields are drawn from. */
  a: number;
  b: number;
}

const endingTypes: CaseCommandType[] = ['CloseCase', 'WithdrawCase'];
/** Every command but the referral (the history's first), the endings (drawn apart) and erasure. */
const moveTypes: CaseCommandType[] = caseCommandTypes.filter(
  (type) =>
    type !== 'OpenReferral' &&
    type !== 'SignalFamily' &&
    type !== 'ErasePersonalData' &&
    !endingTypes.includes(type),
);

/** A day from 2023 to 2026: month ends, the 2024 leap day and every holiday come round. */
const dayArbitrary = fc
  .integer({ min: 0, max: 4 * 365 })
  .map((offset) => addDays('2023-01-01', offset));

const indicationArbitrary: fc.Arbitrary<WlzIndication | null> = fc.oneof(
  fc.constant<WlzIndication>({ kind: 'permanent', validFrom: '2019-06-01' }),
  fc.constant(null),
  fc.constant<WlzIndication>({ kind: 'permanent', validFrom: '2019-06-01' }),
  fc.integer({ min: 30, max: 700 }).map<WlzIndication>((days) => ({
    kind: 'temporary',
    validFrom: '2023-01-01',
    validTo: addDays('2023-06-01', days),
  })),
  fc.constant<WlzIndication>({ kind: 'temporary', validFrom: '2023-01-01' }),
  fc.constant<WlzIndication>({ kind: 'unknown' }),
);

const householdArbitrary: fc.Arbitrary<Household> = fc
  .record({
    single: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    first: indicationArbitrary,
    second: fc.oneof(
      { weight: 10, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: indicationArbitrary },
    ),
    work: fc.oneof(
      { weight: 5, arbitrary: fc.constant<(typeof workStatuses)[number]>('employed') },
      { weight: 1, arbitrary: fc.constantFrom(...workStatuses) },
    ),
  })
  .map(({ single, first, second, work }) => ({
    composition: single ? 'single-parent' : 'partners',
    partners: [
      {
        partnerId: 'p1',
        name: 'Ruud Verbeek',
        bsn: syntheticBsn(11),
        birthDate: '1988-04-12',
        wlzIndication: first ?? { kind: 'permanent', validFrom: '2019-06-01' },
        workStatus: 'none',
      },
      ...(single
        ? []
        : [
            {
              partnerId: 'p2',
              name: 'Lotte Verbeek',
              bsn: syntheticBsn(12),
              birthDate: '1990-09-30',
              wlzIndication: second,
              workStatus: work,
            },
          ]),
    ],
  }));

const moveArbitrary: fc.Arbitrary<Move> = fc.record({
  days: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 2, arbitrary: fc.integer({ min: 4, max: 45 }) },
  ),
  // Mostly the step the case waits for, often something else, now and then an ending.
  type: fc.oneof(
    { weight: 30, arbitrary: fc.constant<Move['type']>('TakeNextStep') },
    { weight: 3, arbitrary: fc.constant<Move['type']>('TakeOffer') },
    { weight: 15, arbitrary: fc.constantFrom<Move['type']>(...moveTypes) },
    { weight: 1, arbitrary: fc.constantFrom<Move['type']>(...endingTypes) },
  ),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
});

export const caseHistoryArbitrary: fc.Arbitrary<CaseHistoryPlan> = fc
  .record({
    start: dayArbitrary,
    household: householdArbitrary,
    withChildcare: fc.integer({ min: 0, max: 19 }).map((n) => n > 0),
    smiStartOffset: fc.integer({ min: -150, max: 20 }),
    smiDays: fc.integer({ min: 0, max: 365 }),
    // One case in four comes in by a signal: from a supporter (who may take it up), the
    // municipality or Toeslagen's desk.
    signaller: fc.integer({ min: 0, max: 11 }),
    moves: fc.array(moveArbitrary, { minLength: 1, maxLength: 40 }),
  })
  .map(({ start, household, withChildcare, smiStartOffset, smiDays, signaller, moves }) => {
    const from = addDays(start, smiStartOffset);
    // A temporary indication ends some time after the referral, as one in use would.
    const dated: Household = {
      ...household,
      partners: household.partners.map((partner) =>
        partner.wlzIndication?.kind === 'temporary' && partner.wlzIndication.validTo
          ? {
              ...partner,
              wlzIndication: {
                ...partner.wlzIndication,
                validTo: addDays(start, daysBetween('2023-06-01', partner.wlzIndication.validTo)),
              },
            }
          : partner,
      ),
    };
    return {
      start,
      household: dated,
      withChildcare,
      smi: { from, to: addDays(from, smiDays) },
      signalledBy: signallers[signaller] ?? null,
      moves,
    };
  });

const signallers: Actor[] = [actors.bewindvoerder, actors.officer, actors.toeslagen];

/** The referral (or, without SMI, the signal) that opens every generated history. */
export function openingOf(plan: CaseHistoryPlan): [CaseCommand, CommandContext] {
  const children = [child(plan.withChildcare ? {} : { childcare: null })];
  if (plan.signalledBy) {
    return [
      { type: 'SignalFamily', caseId, municipality: 'GM0344', household: plan.household, children },
      { actor: plan.signalledBy, now: noon(plan.start) },
    ];
  }
  return [
    {
      type: 'OpenReferral',
      caseId,
      municipality: 'GM0344',
      household: plan.household,
      children: [child(plan.withChildcare ? {} : { childcare: null })],
      smiPeriod: plan.smi,
    },
    { actor: actors.officer, now: noon(plan.start) },
  ];
}

export const noon = (day: IsoDate): string => `${day}T11:00:00.000Z`;

const toeslagen: Actor = actors.toeslagen;
const ciz: Actor = actors.ciz;
const householdActor: Actor = {
  id: 'u-household',
  role: 'household',
  organisation: householdOrganisation(caseId),
};
const supporters: Actor[] = [actors.bewindvoerder, actors.clientSupporter];

/** The command a move stands for, on this case on this day, sent by whoever would send it. */
export function commandOf(
  move: Move,
  state: CaseState,
  today: IsoDate,
): [CaseCommand, CommandContext] {
  const { a, b } = move;
  const around = (spread: number) => addDays(today, (a % (2 * spread + 1)) - spread);
  const officer = actors.officer;
  const claimant = state.claim ? actorFor(state.claim.by) : supporters[a % 2]!;
  const offered = state.offer ? actorFor(state.offer.to) : supporters[b % 2]!;
  const forFamily = b % 5 === 0 ? householdActor : claimant;
  const partnerId = b % 7 === 0 ? 'p2' : 'p1';
  const lastSmi = state.smi[state.smi.length - 1];
  const ctx = (actor: Actor): CommandContext => ({ actor, now: noon(today) });
  const monthStart = (spread: number) => firstOfMonth(today, (b % (2 * spread + 1)) - spread);
  const c = (command: WithoutCaseId<CaseCommand>, actor: Actor): [CaseCommand, CommandContext] => [
    { ...command, caseId } as CaseCommand,
    ctx(actor),
  ];
  switch (move.type) {
    case 'TakeNextStep':
    case 'TakeOffer': {
      const now = noon(today);
      const step = move.type === 'TakeNextStep' ? nextStep(state, now) : pendingOffer(state, now);
      const candidates = step ? stepCommands(step, state, now) : [];
      return (
        candidates[a % Math.max(1, candidates.length)] ?? c({ type: 'CheckEligibility' }, officer)
      );
    }
    case 'CheckEligibility':
      return c({ type: 'CheckEligibility' }, officer);
    case 'OfferCase':
      return c(
        { type: 'OfferCase', to: { organisation: offered.organisation, role: offered.role } },
        officer,
      );
    case 'DeclineOffer':
      return c({ type: 'DeclineOffer', reason: 'Geen capaciteit' }, offered);
    case 'ClaimCase':
      return c(
        { type: 'ClaimCase', mandate: mandateOf(a, today) },
        b % 6 === 0 ? householdActor : offered,
      );
    case 'RecordMandate':
      return c(
        { type: 'RecordMandate', mandate: mandateOf(a + 1, today) },
        b % 4 === 0 ? colleagueOf(claimant) : claimant,
      );
    case 'ReleaseClaim':
      return c(
        { type: 'ReleaseClaim', reason: 'Overgedragen aan collega' },
        b % 3 === 0 ? officer : claimant,
      );
    case 'RequestKot':
      return c(
        {
          type: 'RequestKot',
          channel: a % 2 === 0 ? 'phone' : 'letter',
          ...(b % 3 === 0 ? { applyAnywayReason: 'Het gezin wil toch een besluit' } : {}),
        },
        forFamily,
      );
    case 'RegisterWlzRequest':
      return c({ type: 'RegisterWlzRequest' }, toeslagen);
    case 'ConfirmWlzIndication':
    case 'SubmitCizDecisionCopy':
      return c(
        {
          type: move.type,
          partnerId,
          ...(a % 3 === 0
            ? { kind: 'permanent', validFrom: '2020-01-01' }
            : { kind: 'temporary', validFrom: '2023-01-01', validTo: around(300) }),
        },
        move.type === 'ConfirmWlzIndication' ? toeslagen : claimant,
      );
    case 'ReportWlzIndicationNotFound':
      return c(
        { type: 'ReportWlzIndicationNotFound', partnerId, reason: 'Niet gevonden op BSN' },
        toeslagen,
      );
    case 'ReassessWlzIndication':
      return c(
        a % 3 === 0
          ? { type: 'ReassessWlzIndication', partnerId: 'p1', outcome: 'ends' }
          : a % 3 === 1
            ? {
                type: 'ReassessWlzIndication',
                partnerId: 'p1',
                outcome: 'extended',
                kind: 'permanent',
              }
            : {
                type: 'ReassessWlzIndication',
                partnerId: 'p1',
                outcome: 'extended',
                kind: 'temporary',
                validTo: addDays(state.indication?.validTo ?? today, 30 + (b % 400)),
              },
        ciz,
      );
    case 'SendApplicationForms':
      return c({ type: 'SendApplicationForms' }, toeslagen);
    case 'SubmitApplication':
      return c(
        { type: 'SubmitApplication', requestedStart: monthStart(3), signedByBothPartners: true },
        forFamily,
      );
    case 'RecordApplicationReceived':
      return c({ type: 'RecordApplicationReceived' }, toeslagen);
    case 'GrantKot':
      return c({ type: 'GrantKot', grantedFrom: monthStart(3) }, toeslagen);
    case 'RejectKot':
      return c(
        {
          type: 'RejectKot',
          reason: rejectionReasons[a % rejectionReasons.length]!,
          explanation: 'Niet aan de voorwaarden voldaan',
        },
        toeslagen,
      );
    case 'ChangeKot':
      return c(
        { type: 'ChangeKot', changedFrom: monthStart(1), reason: 'Meer uren opvang' },
        toeslagen,
      );
    case 'StopKot':
      return c(
        {
          type: 'StopKot',
          stoppedFrom: monthStart(2),
          setToZero: a % 2 === 0,
          reason: 'Uren klopten niet',
        },
        toeslagen,
      );
    case 'FileObjection':
      return c(
        {
          type: 'FileObjection',
          grounds: 'Het gezin heeft wel recht',
          ...(b % 3 === 0 ? { lateReason: 'De brief kwam niet aan bij de bewindvoerder' } : {}),
        },
        forFamily,
      );
    case 'FileAppeal':
      return c(
        {
          type: 'FileAppeal',
          grounds: 'De beslissing op bezwaar klopt niet',
          ...(b % 3 === 0 ? { lateReason: 'Het gezin lag in het ziekenhuis' } : {}),
        },
        forFamily,
      );
    case 'RecordCourtRuling':
      return c(
        {
          type: 'RecordCourtRuling',
          outcome: a % 2 === 0 ? 'upheld' : 'dismissed',
          ...(a % 2 === 0 && b % 2 === 0 ? { grantedFrom: monthStart(3) } : {}),
          explanation: 'Uitspraak van de rechtbank',
        },
        toeslagen,
      );
    case 'ConfirmDecisionReceived':
      return c(
        { type: 'ConfirmDecisionReceived', channel: a % 2 === 0 ? 'berichtenbox' : 'post' },
        b % 4 === 0 ? householdActor : claimant,
      );
    case 'DecideObjection':
      return c(
        {
          type: 'DecideObjection',
          upheld: a % 2 === 0,
          ...(b % 2 === 0 ? { grantedFrom: monthStart(3) } : {}),
          ...(b % 3 === 0 ? { lateExcused: a % 4 === 0 } : {}),
          explanation: 'Beslissing op bezwaar',
        },
        toeslagen,
      );
    case 'ExtendSmi':
      return c({ type: 'ExtendSmi', until: addDays(lastSmi?.to ?? today, 1 + (a % 200)) }, officer);
    case 'EndSmi':
      return c(
        {
          type: 'EndSmi',
          lastDay: around(40),
          ...(b % 2 === 0 ? { acceptGapReason: 'Gezin stopt met de opvang' } : {}),
        },
        officer,
      );
    case 'ReinstateSmi': {
      const from = around(30);
      return c({ type: 'ReinstateSmi', from, until: addDays(from, b % 300) }, officer);
    }
    case 'AcceptFundingGap': {
      const from = around(30);
      return c(
        {
          type: 'AcceptFundingGap',
          from,
          ...(b % 2 === 0 ? { to: addDays(from, b % 60) } : {}),
          reason: 'Gezin koos hier zelf voor',
        },
        officer,
      );
    }
    case 'CloseCase':
      return c(
        { type: 'CloseCase', outcome: closingOutcomes[a % closingOutcomes.length]! },
        b % 2 === 0 ? officer : claimant,
      );
    case 'WithdrawCase':
      return c(
        { type: 'WithdrawCase', reason: 'Gezin ziet ervan af' },
        b % 2 === 0 ? officer : forFamily,
      );
    case 'RecordHouseholdChange':
      return c(changeOf(a, b, state, around(60)), b % 3 === 0 ? officer : forFamily);
    case 'PassChangeToToeslagen':
      return c(
        {
          type: 'PassChangeToToeslagen',
          changeId: `change-${1 + (a % Math.max(1, state.householdChanges.length))}`,
        },
        b % 2 === 0 ? householdActor : claimant,
      );
    case 'RecordChangeProcessed':
      return c(
        {
          type: 'RecordChangeProcessed',
          changeId: `change-${1 + (a % Math.max(1, state.householdChanges.length))}`,
        },
        toeslagen,
      );
    case 'CorrectIndicatedPartner':
      return c(
        {
          type: 'CorrectIndicatedPartner',
          partnerId,
          reason: 'Indicatie stond op de verkeerde partner',
        },
        b % 2 === 0 ? officer : forFamily,
      );
    case 'SettleKot':
      return c(
        a % 3 === 0
          ? {
              type: 'SettleKot',
              year: Number(today.slice(0, 4)) - 1,
              outcome: 'no-difference',
              amountCents: 0,
            }
          : {
              type: 'SettleKot',
              year: Number(today.slice(0, 4)) - 1 - (b % 2),
              outcome: a % 3 === 1 ? 'reclaim' : 'additional-payment',
              amountCents: 100 + b * 10,
            },
        toeslagen,
      );
    // Erasure changes no step of the process; the invariants have nothing to learn from it.
    case 'ErasePersonalData':
    case 'OpenReferral':
    case 'SignalFamily':
      return c({ type: 'CheckEligibility' }, officer);
  }
}

/** Another person in the same office role: they may stand in, but not use a personal mandate. */
const colleagueOf = (actor: Actor): Actor => ({ ...actor, id: `${actor.id}-colleague` });
/** A change of circumstances of each kind, from a day around today. */
function changeOf(
  a: number,
  b: number,
  state: CaseState,
  effectiveFrom: IsoDate,
): WithoutCaseId<CaseCommand> {
  const partnerId = b % 2 === 0 ? 'p2' : 'p1';
  const childId = state.children[0]?.childId ?? 'c1';
  const change = { type: 'RecordHouseholdChange' as const, effectiveFrom };
  switch (a % 7) {
    case 0:
      return {
        ...change,
        changeKind: 'partner-work',
        partnerId,
        workStatus: workStatuses[b % workStatuses.length]!,
      };
    case 1:
      return { ...change, changeKind: 'separation', partnerId };
    case 2:
      return {
        ...change,
        changeKind: 'child-added',
        child: child({ childId: `c${2 + (b % 3)}`, bsn: syntheticBsn(20 + (b % 3)) }),
      };
    case 3:
      return {
        ...change,
        changeKind: 'childcare',
        childId,
        childcare: {
          lrkNumber: '123456789',
          careType: 'daycare',
          hoursPerMonth: 80 + (b % 100),
          hourlyRateCents: 950,
        },
      };
    case 4:
      return { ...change, changeKind: 'childcare-ended', childId };
    case 5:
      return b % 2 === 0
        ? {
            ...change,
            changeKind: 'indication-changed',
            partnerId: 'p1',
            indicationKind: 'permanent',
          }
        : {
            ...change,
            changeKind: 'indication-changed',
            partnerId: 'p1',
            indicationKind: 'temporary',
            validTo: addDays(effectiveFrom, 100 + (b % 300)),
          };
    default:
      return { ...change, changeKind: 'indication-ended', partnerId: 'p1' };
  }
}

function mandateOf(choice: number, today: IsoDate): Mandate {
  const reference = 'C/16/654321 / BW RK 23-7';
  switch (choice % 7) {
    case 0:
      return { type: 'court-bewind', partnerIds: ['p1', 'p2'], reference, validFrom: '2022-01-01' };
    case 1:
      return { type: 'none', validFrom: today };
    case 2:
      return { type: 'digid-machtiging', partnerIds: ['p1', 'p2'], validFrom: today };
    case 3:
      return {
        type: 'written-volmacht',
        partnerIds: ['p1', 'p2'],
        validFrom: addDays(today, -30),
        validUntil: addDays(today, 20),
      };
    case 4:
      // The court placed one parent under bewind; the other consented to the application.
      return {
        type: 'court-bewind',
        partnerIds: ['p1'],
        consentOf: ['p2'],
        reference,
        validFrom: '2022-01-01',
      };
    case 5:
      return { type: 'court-bewind', partnerIds: ['p1'], reference, validFrom: '2022-01-01' };
    default:
      return { type: 'digid-machtiging', partnerIds: ['p1'], validFrom: today };
  }
}
