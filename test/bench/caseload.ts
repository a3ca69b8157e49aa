// A synthetic national caseload for the load scripts: eight municipalities with three SMI officers
// each, twelve bewindvoerder offices and four client-support organisations, and cases spread over
// the stages of the process up to Toeslagen sending the forms, with referral dates over the last
// four months, so every party has a worklist with due, overdue and escalated steps. Invented names, synthetic BSNs; nothing real.
import {
  CIZ,
  TOESLAGEN,
  addDays,
  minDate,
  syntheticBsn,
  type Actor,
  type IsoDate,
} from '@kot/domain';
import type { CommandRequest } from '@kot/referrals';

export const municipalities = [
  'GM0344',
  'GM0193',
  'GM0363',
  'GM0599',
  'GM0518',
  'GM0014',
  'GM0772',
  'GM0080',
] as const;
const officersPerMunicipality = 3;
const bewindOffices = 12;
const supportOrganisations = 4;

export const officer = (municipality: string, k: number): Actor => ({
  id: `u-officer-${municipality}-${k}`,
  role: 'smi-officer',
  organisation: municipality,
  name: `SMI-consulent ${k} ${municipality}`,
});
export const teamLead = (municipality: string): Actor => ({
  id: `u-lead-${municipality}`,
  role: 'smi-team-lead',
  organisation: municipality,
  name: `Teamleider ${municipality}`,
});
export const bewindvoerder = (office: number): Actor => ({
  id: `u-bewind-${office}`,
  role: 'bewindvoerder',
  organisation: `org-bewind-${String(office).padStart(2, '0')}`,
  name: `Bewindvoerder ${office}`,
});
export const clientSupporter = (organisation: number): Actor => ({
  id: `u-cos-${organisation}`,
  role: 'client-supporter',
  organisation: `org-cos-${String(organisation).padStart(2, '0')}`,
  name: `Cliëntondersteuner ${organisation}`,
});
export const toeslagenOfficer: Actor = {
  id: 'u-dt-bench',
  role: 'toeslagen-officer',
  organisation: TOESLAGEN,
  name: 'Behandelaar Toeslagen',
};
/** Rebuilds the read models in the bench (auditors and platform administrators may). */
export const auditor: Actor = {
  id: 'u-auditor-bench',
  role: 'auditor',
  organisation: 'org-audit',
  name: 'Auditor',
};
export const cizAssessor: Actor = {
  id: 'u-ciz-bench',
  role: 'ciz-assessor',
  organisation: CIZ,
  name: 'Beoordelaar CIZ',
};

/**
 * How far each case gets, a little over three commands a case on average: three in eight stay
 * offered (the lag phase claims those), the others are with the supporter, Toeslagen or CIZ.
 */
const stages = [
  'offered',
  'offered',
  'offered',
  'claimed',
  'claimed',
  'requested',
  'indication-check',
  'forms-pending',
] as const;
export type Stage = (typeof stages)[number];
const commandsUpTo: Record<Stage, number> = {
  offered: 2,
  claimed: 3,
  requested: 4,
  'indication-check': 5,
  'forms-pending': 6,
};

export interface BenchCase {
  n: number;
  caseId: string;
  municipality: string;
  officer: Actor;
  supporter: Actor;
  stage: Stage;
  /** The commands that bring the case to its stage, in order: who sends it, and on which day. */
  commands: Array<{ command: CommandRequest; actor: Actor; on: IsoDate }>;
  /** What the supporter sends to claim it (for cases left at `offered`). */
  claim: CommandRequest;
}

const surnames = ['Verbeek', 'de Boer', 'Yilmaz', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer'];

/** Case ids are UUIDs with the case number at the end, so a run can be read back. */
export const benchCaseId = (n: number): string =>
  `b3c40000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export function benchCase(n: number, today: IsoDate): BenchCase {
  const municipality = municipalities[n % municipalities.length] as string;
  const referringOfficer = officer(
    municipality,
    Math.floor(n / municipalities.length) % officersPerMunicipality,
  );
  // One case in five goes to a client-support organisation, the rest to bewindvoerders.
  const supporter =
    n % 5 === 4
      ? clientSupporter((Math.floor(n / 5) % supportOrganisations) + 1)
      : bewindvoerder((n % bewindOffices) + 1);
  const stage = stages[Math.floor(n / 3) % stages.length] as Stage;
  const caseId = benchCaseId(n);
  const referredOn = addDays(today, -(n % 120));
  /** The case's own calendar: a step a few days after the one before, never after today. */
  const on = (days: number) => minDate(addDays(referredOn, days), today);
  const surname = surnames[n % surnames.length] as string;
  const mandate =
    supporter.role === 'bewindvoerder'
      ? {
          type: 'court-bewind' as const,
          partnerIds: ['p1', 'p2'],
          reference: 'C/16/100001 / BW RK 22-1',
          validFrom: '2020-01-01',
        }
      : { type: 'written-volmacht' as const, partnerIds: ['p1', 'p2'], validFrom: '2023-01-01' };

  const steps: Array<[CommandRequest, Actor, IsoDate]> = [
    [
      {
        type: 'OpenReferral',
        caseId,
        municipality,
        household: {
          composition: 'partners',
          partners: [
            {
              partnerId: 'p1',
              name: `Ouder ${n}A ${surname}`,
              bsn: syntheticBsn(3 * n),
              birthDate: '1987-03-14',
              wlzIndication: { kind: 'permanent', validFrom: '2019-06-01' },
              workStatus: 'none',
            },
            {
              partnerId: 'p2',
              name: `Ouder ${n}B ${surname}`,
              bsn: syntheticBsn(3 * n + 1),
              birthDate: '1989-10-02',
              wlzIndication: null,
              workStatus: n % 7 === 0 ? 'route-to-work' : 'employed',
            },
          ],
        },
        children: [
          {
            childId: 'c1',
            name: `Kind ${n} ${surname}`,
            bsn: syntheticBsn(3 * n + 2),
            birthDate: '2022-05-20',
            livesAtHome: true,
            childcare: {
              lrkNumber: '123456789',
              careType: 'daycare',
              hoursPerMonth: 60 + (n % 100),
              hourlyRateCents: 1000 + (n % 80),
            },
          },
        ],
        smiPeriod: { from: addDays(referredOn, -30), to: addDays(referredOn, 90 + (n % 200)) },
      },
      referringOfficer,
      referredOn,
    ],
    [
      {
        type: 'OfferCase',
        caseId,
        to: { organisation: supporter.organisation, role: supporter.role },
      },
      referringOfficer,
      on(1),
    ],
    [{ type: 'ClaimCase', caseId, mandate }, supporter, on(3)],
    [{ type: 'RequestKot', caseId, channel: 'phone' }, supporter, on(4)],
    [{ type: 'RegisterWlzRequest', caseId }, toeslagenOfficer, on(7)],
    [
      {
        type: 'ConfirmWlzIndication',
        caseId,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
      },
      toeslagenOfficer,
      on(8),
    ],
  ];
  return {
    n,
    caseId,
    municipality,
    officer: referringOfficer,
    supporter,
    stage,
    commands: steps
      .slice(0, commandsUpTo[stage])
      .map(([command, actor, day]) => ({ command, actor, on: day })),
    claim: { type: 'ClaimCase', caseId, mandate },
  };
}

/** Everyone whose worklist and case reads are measured. */
export const measuredActors: Array<{ label: string; actor: Actor }> = [
  { label: 'SMI officer GM0344', actor: officer('GM0344', 0) },
  { label: 'SMI team lead GM0344', actor: teamLead('GM0344') },
  { label: 'bewindvoerder office 01', actor: bewindvoerder(1) },
  { label: 'client supporter org 01', actor: clientSupporter(1) },
  { label: 'Toeslagen officer', actor: toeslagenOfficer },
  { label: 'CIZ assessor', actor: cizAssessor },
];
