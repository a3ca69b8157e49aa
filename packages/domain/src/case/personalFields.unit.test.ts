import { syntheticBsn } from '../identifiers';
import {
  actors,
  at,
  caseId,
  child,
  journey,
  openReferral,
  partnerWithIndication,
  story,
  workingPartner,
  type Step,
} from '../testing';
import { caseEventTypes, type CaseEvent } from './events';
import { nonPersonalTextFields, personalFields } from './personalFields';

const s = journey;
const on = (date: string, actor: Step[1]['actor']) => at(date, actor);

// Every event type, with every optional field filled in, produced by the real commands.
const untilGranted: Step[] = [
  [
    openReferral({
      referredOn: '2024-03-04',
      household: {
        composition: 'partners',
        partners: [
          partnerWithIndication({
            wlzIndication: { kind: 'temporary', validFrom: '2023-06-01', validTo: '2026-06-01' },
          }),
          workingPartner(),
        ],
      },
    }),
    on('2024-03-04', actors.officer),
  ],
  [{ type: 'CheckEligibility', caseId, on: '2024-03-04' }, on('2024-03-04', actors.officer)],
  [
    {
      type: 'OfferCase',
      caseId,
      to: {
        organisation: 'org-mee-vallei',
        role: 'client-supporter',
        personId: actors.clientSupporter.id,
        name: actors.clientSupporter.name,
      },
      note: 'Moeder belt liever na 15.00 uur',
    },
    on('2024-03-04', actors.officer),
  ],
  [
    { type: 'DeclineOffer', caseId, reason: 'Geen plek deze maand' },
    on('2024-03-05', actors.clientSupporter),
  ],
  s.offer,
  [
    {
      type: 'ClaimCase',
      caseId,
      mandate: {
        type: 'digid-machtiging',
        partnerIds: ['p1', 'p2'],
        validFrom: '2024-01-01',
        validUntil: '2025-01-01',
        reference: 'Machtigingscode 4711',
      },
    },
    on('2024-03-07', actors.bewindvoerder),
  ],
  [
    {
      type: 'RecordMandate',
      caseId,
      mandate: {
        type: 'court-bewind',
        validFrom: '2022-01-01',
        validUntil: '2027-01-01',
        partnerIds: ['p1'],
        consentOf: ['p2'],
        reference: 'Uitspraak rechtbank 2022/113',
      },
    },
    on('2024-03-08', actors.bewindvoerder),
  ],
  [
    {
      type: 'RequestKot',
      caseId,
      channel: 'phone',
      callbackExpectedOn: '2024-03-13',
      applyAnywayReason: 'Het gezin wil de aanvraag hoe dan ook laten beoordelen',
    },
    on('2024-03-11', actors.bewindvoerder),
  ],
  s.register,
  s.notFound,
  // Unknown after "not found"; unmet on a day before the indication was valid.
  [{ type: 'CheckEligibility', caseId }, on('2024-03-14', actors.officer)],
  [
    {
      type: 'SubmitCizDecisionCopy',
      caseId,
      partnerId: 'p1',
      kind: 'temporary',
      validFrom: '2023-06-01',
      validTo: '2026-06-01',
    },
    on('2024-03-15', actors.bewindvoerder),
  ],
  [
    {
      type: 'ConfirmWlzIndication',
      caseId,
      partnerId: 'p1',
      kind: 'temporary',
      validFrom: '2023-06-01',
      validTo: '2026-06-01',
    },
    on('2024-03-15', actors.toeslagen),
  ],
  [{ type: 'CheckEligibility', caseId, on: '2023-03-01' }, on('2024-03-15', actors.officer)],
  s.forms,
  s.submit,
  s.receive,
  s.grant,
  [
    {
      type: 'ReassessWlzIndication',
      caseId,
      partnerId: 'p1',
      outcome: 'extended',
      kind: 'temporary',
      validTo: '2027-06-01',
    },
    on('2024-05-02', actors.ciz),
  ],
  [
    { type: 'ChangeKot', caseId, changedFrom: '2024-06-01', reason: 'Meer uren opvang' },
    on('2024-05-20', actors.toeslagen),
  ],
  [{ type: 'ExtendSmi', caseId, until: '2024-07-31' }, on('2024-05-21', actors.officer)],
  [
    {
      type: 'AcceptFundingGap',
      caseId,
      from: '2024-09-01',
      to: '2024-09-30',
      reason: 'Gezin op vakantie in september',
    },
    on('2024-05-21', actors.officer),
  ],
  [{ type: 'EndSmi', caseId, lastDay: '2024-03-31' }, on('2024-05-22', actors.officer)],
];
const stoppedAndObjected: Step[] = [
  ...untilGranted,
  s.stop,
  [
    { type: 'ReinstateSmi', caseId, from: '2024-07-01', until: '2024-12-31' },
    on('2024-06-21', actors.officer),
  ],
  [
    {
      type: 'FileObjection',
      caseId,
      grounds: 'Uren waren juist opgegeven.',
      filedOn: '2024-06-24',
    },
    on('2024-06-24', actors.bewindvoerder),
  ],
  [
    {
      type: 'DecideObjection',
      caseId,
      upheld: true,
      grantedFrom: '2024-07-01',
      explanation: 'Uren gecorrigeerd.',
    },
    on('2024-07-10', actors.toeslagen),
  ],
  [
    { type: 'CloseCase', caseId, outcome: 'kot-granted', note: 'Eerste betaling ontvangen' },
    on('2024-08-10', actors.bewindvoerder),
  ],
];
const rejectedAndReleased: Step[] = [
  ...untilGranted.slice(0, untilGranted.indexOf(s.grant)),
  s.reject,
  [
    { type: 'ReleaseClaim', caseId, reason: 'Bewindvoerder reageert niet meer' },
    on('2024-05-15', actors.officer),
  ],
  [
    { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' },
    on('2024-05-16', actors.officer),
  ],
];
// A case that ends while a desk works on it: the step ends on the record.
const closedWhileDeciding: Step[] = [
  ...untilGranted.slice(0, untilGranted.indexOf(s.grant)),
  [
    { type: 'CloseCase', caseId, outcome: 'family-declined' },
    on('2024-05-01', actors.bewindvoerder),
  ],
];
const withdrawnAtCiz: Step[] = [
  ...untilGranted.slice(0, untilGranted.indexOf(s.register) + 1),
  [{ type: 'WithdrawCase', caseId, reason: 'Gezin verhuist' }, on('2024-03-15', actors.officer)],
  [
    {
      type: 'ErasePersonalData',
      caseId,
      ground: 'request-of-data-subject',
      reference: 'AVG-2024-017',
    },
    on('2024-03-20', actors.privacyOfficer),
  ],
];
// The legal route: a court bewind over one parent with the other's consent, the letter confirmed,
// a late objection excused but dismissed, a late appeal, and the court's ruling.
const claimWithConsent: Step = [
  {
    type: 'ClaimCase',
    caseId,
    mandate: {
      type: 'court-bewind',
      partnerIds: ['p1'],
      consentOf: ['p2'],
      reference: 'C/16/100002 / BW RK 21-9',
      validFrom: '2022-01-01',
    },
  },
  s.claim[1],
];
const legalRoute: Step[] = [
  ...untilGranted
    .slice(0, untilGranted.indexOf(s.grant))
    .map((step) => (step[0].type === 'ClaimCase' ? claimWithConsent : step)),
  s.reject,
  s.letterReceived,
  [
    {
      type: 'FileObjection',
      caseId,
      grounds: 'De indicatie is wel permanent.',
      lateReason: 'De brief kwam pas in juni bij de bewindvoerder.',
    },
    on('2024-06-20', actors.bewindvoerder),
  ],
  [
    {
      type: 'DecideObjection',
      caseId,
      upheld: false,
      lateExcused: true,
      explanation: 'Verschoonbaar te laat, maar ongegrond.',
    },
    on('2024-07-01', actors.toeslagen),
  ],
  [
    {
      type: 'FileAppeal',
      caseId,
      grounds: 'De indicatie is wel permanent, zie het besluit.',
      lateReason: 'Het gezin lag in het ziekenhuis.',
    },
    on('2024-08-20', actors.bewindvoerder),
  ],
  [
    {
      type: 'RecordCourtRuling',
      caseId,
      outcome: 'upheld',
      grantedFrom: '2024-04-01',
      explanation: 'De rechtbank voorziet zelf in de zaak.',
    },
    on('2024-11-01', actors.toeslagen),
  ],
];
const changedAfterGrant: Step[] = [
  ...untilGranted,
  [
    {
      type: 'RecordHouseholdChange',
      caseId,
      changeKind: 'child-added',
      effectiveFrom: '2024-06-01',
      child: child({ childId: 'c2', name: 'Mila Verbeek', bsn: syntheticBsn(21) }),
    },
    on('2024-06-03', actors.bewindvoerder),
  ],
  [
    {
      type: 'RecordHouseholdChange',
      caseId,
      changeKind: 'childcare',
      effectiveFrom: '2024-06-01',
      childId: 'c1',
      childcare: {
        lrkNumber: '987654321',
        careType: 'out-of-school-care',
        hoursPerMonth: 60,
        hourlyRateCents: 990,
      },
    },
    on('2024-06-03', actors.bewindvoerder),
  ],
  [
    {
      type: 'RecordHouseholdChange',
      caseId,
      changeKind: 'partner-work',
      effectiveFrom: '2024-07-01',
      partnerId: 'p2',
      workStatus: 'route-to-work',
    },
    on('2024-06-03', actors.bewindvoerder),
  ],
  [
    {
      type: 'RecordHouseholdChange',
      caseId,
      changeKind: 'indication-changed',
      effectiveFrom: '2024-07-01',
      partnerId: 'p1',
      indicationKind: 'temporary',
      validTo: '2027-06-01',
    },
    on('2024-06-03', actors.bewindvoerder),
  ],
  [
    { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
    on('2024-06-04', actors.bewindvoerder),
  ],
  [
    { type: 'RecordChangeProcessed', caseId, changeId: 'change-1' },
    on('2024-06-20', actors.toeslagen),
  ],
  [
    {
      type: 'CorrectIndicatedPartner',
      caseId,
      partnerId: 'p2',
      reason: 'De indicatie staat op naam van de andere ouder',
    },
    on('2024-06-21', actors.officer),
  ],
  [
    { type: 'SettleKot', caseId, year: 2024, outcome: 'reclaim', amountCents: 31_500 },
    on('2025-03-01', actors.toeslagen),
  ],
];
const events: CaseEvent[] = [
  ...story(legalRoute),
  ...story(changedAfterGrant),
  ...story(stoppedAndObjected),
  ...story(rejectedAndReleased),
  ...story(closedWhileDeciding),
  ...story(withdrawnAtCiz),
  // A family signalled by a professional, without SMI: the same household data as a referral.
  ...story([
    [
      {
        type: 'SignalFamily',
        caseId,
        municipality: 'GM0344',
        household: {
          composition: 'partners',
          partners: [
            partnerWithIndication({
              wlzIndication: { kind: 'temporary', validFrom: '2023-06-01', validTo: '2026-06-01' },
            }),
            workingPartner(),
          ],
        },
        children: openReferral().children,
      },
      on('2024-03-04', actors.toeslagen),
    ],
  ]),
];

/** Every path to a text value in `value`, with `[]` for the elements of a list. */
function textPaths(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((item) => textPaths(item, `${at}[]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      textPaths(item, at === '' ? key : `${at}.${key}`),
    );
  }
  return [];
}

describe('personal fields', () => {
  it('are checked on every event type the case knows', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(caseEventTypes));
  });

  it('cover every text field of every event, unless it is explicitly listed as not personal', () => {
    const undecided = new Set<string>();
    for (const event of events) {
      const decided = [...personalFields(event.type, 1), ...nonPersonalTextFields[event.type]];
      for (const path of textPaths(event.data)) {
        if (!decided.includes(path)) undecided.add(`${event.type}.${path}`);
      }
    }
    expect([...undecided]).toEqual([]);
  });

  it('name only fields that events really have, so no list goes stale', () => {
    const seen = new Set(events.flatMap((e) => textPaths(e.data).map((p) => `${e.type}.${p}`)));
    const listed = caseEventTypes.flatMap((type) =>
      [...personalFields(type, 1), ...nonPersonalTextFields[type]].map((p) => `${type}.${p}`),
    );
    expect(listed.filter((path) => !seen.has(path))).toEqual([]);
  });

  it('include free text written about the family, such as the note with an offer', () => {
    expect(personalFields('CaseOffered', 1)).toContain('note');
    for (const type of caseEventTypes) {
      const both = personalFields(type, 1).filter((p) => nonPersonalTextFields[type].includes(p));
      expect({ type, both }).toEqual({ type, both: [] });
    }
  });
});
