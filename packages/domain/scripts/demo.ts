// `npm run demo -w packages/domain`: walks one synthetic family from SMI referral to KOT, printing
// after every event what the platform shows: the next step, who owns it, by when, and whether
// childcare is funded. A script beside the package, not part of it: the domain itself has no I/O.
import {
  foldCase,
  fundingCoverage,
  handleCommand,
  nextStep,
  type CaseCommand,
  type CaseEvent,
  type CommandContext,
} from '../src/index';
import { actors, at, caseId, openReferral } from '../src/testing';

const steps: Array<[string, CaseCommand, CommandContext]> = [
  ['SMI officer refers the family', openReferral(), at('2024-03-04', actors.officer)],
  [
    'Officer runs the pre-check',
    { type: 'CheckEligibility', caseId },
    at('2024-03-04', actors.officer),
  ],
  [
    'Officer offers the case to a bewindvoerder',
    {
      type: 'OfferCase',
      caseId,
      to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder', name: 'Bewind Horizon' },
    },
    at('2024-03-05', actors.officer),
  ],
  [
    'Bewindvoerder claims it with a court ruling',
    {
      type: 'ClaimCase',
      caseId,
      mandate: {
        type: 'court-bewind',
        partnerIds: ['p1', 'p2'],
        reference: 'C/16/100001 / BW RK 22-1',
        validFrom: '2022-01-01',
      },
    },
    at('2024-03-07', actors.bewindvoerder),
  ],
  [
    'Bewindvoerder calls BelastingTelefoon',
    { type: 'RequestKot', caseId, channel: 'phone' },
    at('2024-03-11', actors.bewindvoerder),
  ],
  [
    'Belcentrum calls back and registers the Wlz request',
    { type: 'RegisterWlzRequest', caseId },
    at('2024-03-14', actors.toeslagen),
  ],
  [
    'CIZ confirms a permanent indication',
    {
      type: 'ConfirmWlzIndication',
      caseId,
      partnerId: 'p1',
      kind: 'permanent',
      validFrom: '2019-06-01',
    },
    at('2024-03-14', actors.ciz),
  ],
  [
    'Toeslagen posts the forms',
    { type: 'SendApplicationForms', caseId },
    at('2024-03-18', actors.toeslagen),
  ],
  [
    'Bewindvoerder returns the signed forms',
    { type: 'SubmitApplication', caseId, requestedStart: '2024-04-01', signedByBothPartners: true },
    at('2024-03-29', actors.bewindvoerder),
  ],
  [
    'Toeslagen registers receipt',
    { type: 'RecordApplicationReceived', caseId },
    at('2024-04-03', actors.toeslagen),
  ],
  [
    'Toeslagen grants KOT',
    { type: 'GrantKot', caseId, grantedFrom: '2024-04-01' },
    at('2024-04-30', actors.toeslagen),
  ],
  [
    'Officer ends SMI the day before KOT starts',
    { type: 'EndSmi', caseId, lastDay: '2024-03-31' },
    at('2024-05-02', actors.officer),
  ],
  [
    'Bewindvoerder checks the first payment and closes',
    { type: 'CloseCase', caseId, outcome: 'kot-granted' },
    at('2024-06-10', actors.bewindvoerder),
  ],
];

const events: CaseEvent[] = [];
for (const [title, command, ctx] of steps) {
  const added = handleCommand(command, foldCase(events), ctx);
  events.push(...added);
  const state = foldCase(events);
  const step = nextStep(state, ctx.now);
  const funding = fundingCoverage(state, ctx.now);
  console.log(`\n${ctx.now.slice(0, 10)}  ${title}  →  ${added.map((e) => e.type).join(', ')}`);
  console.log(`  status: ${state.status}`);
  console.log(
    step
      ? `  next:   ${step.description.en}\n          owner ${step.responsible.name ?? step.responsible.role} (${step.responsible.organisation}), due ${step.due}${step.overdue ? ' OVERDUE' : ''}`
      : '  next:   none (case closed)',
  );
  console.log(
    `  funded: ${funding.fundedToday ? 'yes' : 'NO'}${funding.fundedUntil ? ` until ${funding.fundedUntil}` : ''}; gap days ${funding.gapDays}; at risk ${funding.atRisk ? `yes (${funding.daysAtRisk} days)` : 'no'}`,
  );
}
