import { actors, at, caseId, journey, openReferral, story, type Step } from '../testing';
import { nextStep, pendingOffer } from './nextStep';
import { defaultSmiPolicy } from './smiPolicy';
import { caseStatuses, foldCase, type CaseStatus } from './state';

const officer = { organisation: 'GM0344', role: 'smi-officer', personId: actors.officer.id };
const bewind = {
  organisation: 'org-bewind-horizon',
  role: 'bewindvoerder',
  personId: actors.bewindvoerder.id,
};
const toeslagen = { organisation: 'DienstToeslagen', role: 'toeslagen-officer' };

const s = journey;
const through = (...steps: Step[]) => foldCase(story(steps));

const expectations: Array<[string, Step[], CaseStatus, string, object, string]> = [
  ['a new referral', [s.open], 'referred', 'offer-to-supporter', officer, '2024-03-11'],
  [
    'an offered, unclaimed referral (stays with the officer)',
    [s.open, s.offer],
    'referred',
    'get-case-claimed',
    officer,
    '2024-03-15',
  ],
  ['a claimed case', [s.open, s.offer, s.claim], 'claimed', 'request-kot', bewind, '2024-03-14'],
  [
    'a request by phone',
    [s.open, s.offer, s.claim, s.request],
    'requested',
    'register-wlz-request',
    toeslagen,
    '2024-03-16',
  ],
  [
    'a registered Wlz request',
    [s.open, s.offer, s.claim, s.request, s.register],
    'indication-check',
    'confirm-indication',
    toeslagen,
    '2024-03-19',
  ],
  [
    'an indication Toeslagen did not find in CIZ’s data',
    [s.open, s.offer, s.claim, s.request, s.register, s.notFound],
    'indication-missing',
    'send-ciz-decision',
    bewind,
    '2024-03-28',
  ],
  [
    'a confirmed indication',
    [s.open, s.offer, s.claim, s.request, s.register, s.confirm],
    'forms-pending',
    'send-forms',
    toeslagen,
    '2024-03-20',
  ],
  [
    'forms sent',
    [s.open, s.offer, s.claim, s.request, s.register, s.confirm, s.forms],
    'forms-sent',
    'return-forms',
    bewind,
    '2024-04-01',
  ],
  [
    'an application in the post',
    [s.open, s.offer, s.claim, s.request, s.register, s.confirm, s.forms, s.submit],
    'application-submitted',
    'register-receipt',
    toeslagen,
    '2024-04-05',
  ],
  [
    'an application awaiting decision (5 weeks)',
    [s.open, s.offer, s.claim, s.request, s.register, s.confirm, s.forms, s.submit, s.receive],
    'awaiting-decision',
    'decide-application',
    toeslagen,
    '2024-05-08',
  ],
  [
    'a grant while SMI still runs',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.grant,
    ],
    'granted',
    'align-smi',
    officer,
    '2024-05-07',
  ],
  [
    'a grant with SMI aligned',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.grant,
      s.endSmi,
      s.letterReceived,
    ],
    'granted',
    'aftercare',
    bewind,
    '2024-06-11',
  ],
  [
    'a rejection while SMI runs past the objection period (the supporter objects, applies again or closes)',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.reject,
      s.letterReceived,
    ],
    'rejected',
    'reapply-or-object',
    bewind,
    '2024-06-11',
  ],
  [
    'an objection (6 weeks)',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.reject,
      s.object,
    ],
    'objection',
    'decide-objection',
    toeslagen,
    '2024-06-17',
  ],
  [
    'an appeal to the court after the objection was dismissed (Toeslagen records the ruling)',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.reject,
      s.object,
      s.dismissObjection,
      s.appeal,
    ],
    'appeal',
    'record-court-ruling',
    toeslagen,
    '2024-12-09',
  ],
  [
    'a stopped KOT (reopened)',
    [
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.grant,
      s.endSmi,
      s.close,
      s.stop,
    ],
    'kot-stopped',
    'secure-funding',
    officer,
    '2024-06-27',
  ],
];

describe('the next step of every open state has exactly one owner and a due date', () => {
  it.each(expectations)('%s', (_name, steps, status, action, responsible, due) => {
    const state = through(...steps);
    expect(state.status).toBe(status);
    const step = nextStep(state, '2024-03-04T12:00:00Z');
    expect(step).toMatchObject({ action, responsible, due });
    expect(step?.description.nl).toBeTruthy();
    expect(step?.escalateTo.organisation).toBeTruthy();
  });

  it('covers every open status of the process', () => {
    const covered = new Set(expectations.map(([, , status]) => status));
    const open = caseStatuses.filter((status) => !['new', 'closed', 'withdrawn'].includes(status));
    expect(open.filter((status) => !covered.has(status))).toEqual([]);
  });

  it('shows an unclaimed offer to the supporter it was made to, with the officer as escalation', () => {
    const offer = pendingOffer(through(s.open, s.offer), '2024-03-16T12:00:00Z');
    expect(offer).toMatchObject({
      action: 'claim-or-decline-offer',
      responsible: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
      due: '2024-03-15',
      overdue: true,
      escalateTo: officer,
    });
    expect(pendingOffer(through(s.open, s.offer, s.claim), '2024-03-16T12:00:00Z')).toBeNull();
    expect(pendingOffer(through(s.open), '2024-03-16T12:00:00Z')).toBeNull();
  });

  it('has no next step for a closed or withdrawn case', () => {
    expect(nextStep(through(s.open, s.withdraw), '2024-03-09T12:00:00Z')).toBeNull();
    expect(
      nextStep(
        through(
          s.open,
          s.offer,
          s.claim,
          s.request,
          s.register,
          s.confirm,
          s.forms,
          s.submit,
          s.receive,
          s.grant,
          s.endSmi,
          s.close,
        ),
        '2024-06-11T12:00:00Z',
      ),
    ).toBeNull();
  });

  it('marks a step overdue from the day after its due date, counted in Amsterdam', () => {
    const state = through(s.open);
    expect(nextStep(state, '2024-03-11T23:30:00Z')).toMatchObject({
      overdue: true,
      daysOverdue: 1,
    });
    expect(nextStep(state, '2024-03-11T22:30:00Z')).toMatchObject({
      overdue: false,
      daysOverdue: 0,
    });
  });

  it('escalates a late decision to the Toeslagen team lead and names the 8-week statutory deadline (Awb 4:13)', () => {
    const state = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
    );
    const step = nextStep(state, '2024-05-20T12:00:00Z');
    expect(step).toMatchObject({
      overdue: true,
      daysOverdue: 12,
      escalateTo: { organisation: 'DienstToeslagen', role: 'toeslagen-team-lead' },
    });
    // Received Wednesday 3 April 2024: eight weeks later is Wednesday 29 May, a working day.
    expect(step?.deadline?.date).toBe('2024-05-29');
  });

  it('escalates a late supporter step to the referring officer', () => {
    const step = nextStep(through(s.open, s.offer, s.claim), '2024-03-20T12:00:00Z');
    expect(step?.escalateTo).toMatchObject(officer);
  });

  it('gives a supporter step back to the officer when the claim is released mid-way', () => {
    const released: Step = [
      { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd door rechter' },
      at('2024-03-20', actors.bewindvoerder),
    ];
    const state = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      released,
    );
    expect(state.status).toBe('forms-sent');
    expect(nextStep(state, '2024-03-20T12:00:00Z')).toMatchObject({
      action: 'offer-to-supporter',
      responsible: officer,
    });
  });

  it('asks a supporter who may only signal to arrange a mandate first', () => {
    const state = through(
      s.open,
      [
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-mee-vallei', role: 'client-supporter' },
        },
        at('2024-03-05', actors.officer),
      ],
      [
        { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
        at('2024-03-06', actors.clientSupporter),
      ],
    );
    expect(nextStep(state, '2024-03-06T12:00:00Z')).toMatchObject({
      action: 'arrange-mandate',
      due: '2024-03-20',
    });
  });

  it('tells a household that took on its own case to request KOT, not to arrange a mandate', () => {
    const state = through(s.open, [
      { type: 'ClaimCase', caseId, mandate: { type: 'none', validFrom: '2024-03-01' } },
      at('2024-03-06', actors.household),
    ]);
    expect(nextStep(state, '2024-03-06T12:00:00Z')).toMatchObject({
      action: 'request-kot',
      responsible: { organisation: actors.household.organisation, role: 'household' },
    });
  });

  it('tells whoever fills in the forms the earliest start to ask for, counted from the call, however long the forms take', () => {
    const state = through(s.open, s.offer, s.claim, s.request, s.register, s.confirm, s.forms);
    expect(nextStep(state, '2024-03-20T12:00:00Z')?.description.en).toMatch(
      /Ask for a start no earlier than 2023-12-01/,
    );
    expect(nextStep(state, '2024-04-02T12:00:00Z')?.description.nl).toMatch(
      /niet eerder dan 2023-12-01: .*\(2024-03-11\)/,
    );
  });

  it('warns Toeslagen when the requested start is before the earliest the registered request allows', () => {
    const early: Step = [
      {
        type: 'SubmitApplication',
        caseId,
        requestedStart: '2023-11-01',
        signedByBothPartners: true,
      },
      at('2024-03-29', actors.bewindvoerder),
    ];
    const state = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      early,
      s.receive,
    );
    expect(nextStep(state, '2024-04-03T12:00:00Z')?.description.en).toMatch(
      /requested start 2023-11-01 is before the earliest possible \(2023-12-01\)/,
    );
    const onTime = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
    );
    expect(nextStep(onTime, '2024-04-03T12:00:00Z')?.description.en).not.toMatch(/earliest/);
  });

  it('after a rejection with SMI ended and the gap accepted, hands the way forward to the supporter', () => {
    const state = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.reject,
      s.letterReceived,
      [
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-05-05',
          acceptGapReason: 'Gezin zegt de opvang op na de afwijzing',
        },
        at('2024-05-02', actors.officer),
      ],
    );
    expect(nextStep(state, '2024-05-10T12:00:00Z')).toMatchObject({
      action: 'reapply-or-object',
      responsible: bewind,
      due: '2024-06-11',
      deadline: { date: '2024-06-11' },
    });
    // Also while SMI still runs its last days: the officer has decided, nothing is left to them.
    expect(nextStep(state, '2024-05-03T12:00:00Z')).toMatchObject({
      action: 'reapply-or-object',
      responsible: bewind,
    });
  });

  it('after a rejection makes the officer act before SMI runs out when that is before the objection period ends', () => {
    const state = through(
      s.open,
      s.offer,
      s.claim,
      s.request,
      s.register,
      s.confirm,
      s.forms,
      s.submit,
      s.receive,
      s.reject,
      s.letterReceived,
    );
    expect(nextStep(state, '2024-05-01T12:00:00Z')).toMatchObject({
      due: '2024-06-11',
      deadline: { date: '2024-06-11' },
    });
    const shortSmi = foldCase(
      story([
        [
          openReferral({ smiPeriod: { from: '2024-01-01', to: '2024-05-15' } }),
          at('2024-03-04', actors.officer),
        ],
        s.offer,
        s.claim,
        s.request,
        s.register,
        s.confirm,
        s.forms,
        s.submit,
        s.receive,
        s.reject,
      ]),
    );
    // Within the officer's 7-day norm from the rejection, and never after the day the
    // municipality's policy says an extension must be asked for (15 May, without a lead time).
    const noLeadTime = { ...defaultSmiPolicy('GM0344'), extensionLeadDays: 0 };
    expect(nextStep(shortSmi, '2024-05-01T12:00:00Z', noLeadTime)).toMatchObject({
      action: 'continue-smi',
      due: '2024-05-07',
    });
    // The default policy asks for an extension four weeks ahead: that day has passed, so now.
    expect(nextStep(shortSmi, '2024-05-01T12:00:00Z')).toMatchObject({
      action: 'continue-smi',
      due: '2024-04-30',
    });
  });
});
