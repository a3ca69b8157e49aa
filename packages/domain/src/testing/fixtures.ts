// Synthetic people and organisations for tests and demos: invented names, BSNs generated to pass
// the 11-proof. Never real people.
import { syntheticBsn } from '../identifiers';
import { CIZ, TOESLAGEN, householdOrganisation, type Actor } from '../parties';
import type { OpenReferral } from '../case/commands';
import type { Child, Household, Partner } from '../case/household';
import type { CommandContext } from '../case/decide';
import { retentionActor } from '../case/retention';

export const caseId = '0192a6c4-1b2c-7d3e-8f40-5a6b7c8d9e0f';
export const otherCaseId = '0192a6c4-1b2c-7d3e-8f40-5a6b7c8d9e10';

export const actors = {
  officer: {
    id: 'u-officer-utrecht',
    role: 'smi-officer',
    organisation: 'GM0344',
    name: 'Fenna Dijkstra',
  },
  teamLead: {
    id: 'u-lead-utrecht',
    role: 'smi-team-lead',
    organisation: 'GM0344',
    name: 'Anouk Mulder',
  },
  otherOfficer: {
    id: 'u-officer-zwolle',
    role: 'smi-officer',
    organisation: 'GM0193',
    name: 'Joris Wielinga',
  },
  bewindvoerder: {
    id: 'u-bewind-1',
    role: 'bewindvoerder',
    organisation: 'org-bewind-horizon',
    name: 'Marieke Brandsma',
  },
  bewindColleague: {
    id: 'u-bewind-2',
    role: 'bewindvoerder',
    organisation: 'org-bewind-horizon',
    name: 'Tarik Ouali',
  },
  rivalBewindvoerder: {
    id: 'u-bewind-9',
    role: 'bewindvoerder',
    organisation: 'org-bewind-noord',
    name: 'Sanne Kok',
  },
  clientSupporter: {
    id: 'u-cos-1',
    role: 'client-supporter',
    organisation: 'org-mee-vallei',
    name: 'Ilse Veenstra',
  },
  household: { id: 'u-household', role: 'household', organisation: householdOrganisation(caseId) },
  ciz: { id: 'u-ciz-1', role: 'ciz-assessor', organisation: CIZ, name: 'Bram Hoekstra' },
  toeslagen: {
    id: 'u-dt-1',
    role: 'toeslagen-officer',
    organisation: TOESLAGEN,
    name: 'Nadia el Idrissi',
  },
  auditor: { id: 'u-audit-1', role: 'auditor', organisation: 'org-audit', name: 'Pieter Aalbers' },
  privacyOfficer: {
    id: 'u-fg-utrecht',
    role: 'privacy-officer',
    organisation: 'GM0344',
    name: 'Ruud Kramer',
  },
  platformRetention: retentionActor,
} satisfies Record<string, Actor>;

/** A command context at noon (Amsterdam) on a business date. */
export const at = (date: string, actor: Actor): CommandContext => ({
  actor,
  now: `${date}T11:00:00.000Z`,
});

export const partnerWithIndication = (overrides: Partial<Partner> = {}): Partner => ({
  partnerId: 'p1',
  name: 'Ruud Verbeek',
  bsn: syntheticBsn(1),
  birthDate: '1988-04-12',
  wlzIndication: { kind: 'permanent', validFrom: '2019-06-01' },
  workStatus: 'none',
  ...overrides,
});

export const workingPartner = (overrides: Partial<Partner> = {}): Partner => ({
  partnerId: 'p2',
  name: 'Lotte Verbeek',
  bsn: syntheticBsn(2),
  birthDate: '1990-09-30',
  wlzIndication: null,
  workStatus: 'employed',
  ...overrides,
});

export const child = (overrides: Partial<Child> = {}): Child => ({
  childId: 'c1',
  name: 'Daan Verbeek',
  bsn: syntheticBsn(3),
  birthDate: '2021-02-14',
  livesAtHome: true,
  childcare: {
    lrkNumber: '123456789',
    careType: 'daycare',
    hoursPerMonth: 80,
    hourlyRateCents: 1045,
  },
  ...overrides,
});

export const couple = (): Household => ({
  composition: 'partners',
  partners: [partnerWithIndication(), workingPartner()],
});

export const openReferral = (overrides: Partial<OpenReferral> = {}): OpenReferral => ({
  type: 'OpenReferral',
  caseId,
  municipality: 'GM0344',
  household: couple(),
  children: [child()],
  smiPeriod: { from: '2024-01-01', to: '2024-06-30' },
  ...overrides,
});
