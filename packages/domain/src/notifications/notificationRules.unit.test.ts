import { actors, at, caseId, journey, openReferral, story, type Step } from '../testing';
import type { CaseEvent } from '../case/events';
import { foldCase } from '../case/state';
import { notificationsForDeadlines, notificationsForEvent } from './notificationRules';

// The shared journey, with a shorter SMI period so the SMI-ending rule has something to say.
const steps: Record<string, Step> = {
  ...journey,
  open: [
    openReferral({ smiPeriod: { from: '2024-01-01', to: '2024-05-31' } }),
    at('2024-03-04', actors.officer),
  ],
  reject: [
    { type: 'RejectKot', caseId, reason: 'partner-not-working', explanation: 'Partner werkt niet' },
    at('2024-04-30', actors.toeslagen),
  ],
  release: [
    { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd' },
    at('2024-03-08', actors.bewindvoerder),
  ],
};

/** The intents for the last step of a story, as the notifications service would derive them. */
function intentsOfLast(...names: string[]) {
  const events = story(names.map((name) => steps[name]!));
  const lastCount = story(names.slice(0, -1).map((name) => steps[name]!)).length;
  const before = foldCase(events.slice(0, lastCount));
  const out = [];
  let state = before;
  for (const [i, event] of events.slice(lastCount).entries()) {
    const after = foldCase(events.slice(0, lastCount + i + 1));
    out.push(...notificationsForEvent(event as CaseEvent, `evt-${lastCount + i}`, state, after));
    state = after;
  }
  return out;
}
const who = (intents: ReturnType<typeof intentsOfLast>) =>
  intents.map((i) => `${i.rule} → ${i.recipient.organisation}/${i.recipient.role}`);

describe('notification rules for events', () => {
  it('tells the supporter organisation a case was offered to it, with the claim norm', () => {
    const [offered] = intentsOfLast('open', 'offer');
    expect(offered).toMatchObject({
      rule: 'case-offered',
      recipient: { organisation: 'org-bewind-horizon' },
      params: { due: '2024-03-15' },
    });
  });

  it('tells the referring officer about a claim and about a release', () => {
    expect(who(intentsOfLast('open', 'offer', 'claim'))).toEqual([
      'case-claimed → GM0344/smi-officer',
    ]);
    expect(who(intentsOfLast('open', 'offer', 'claim', 'release'))).toEqual([
      'claim-released → GM0344/smi-officer',
    ]);
  });

  it('tells the officer an offer was declined, and every party that the case was closed', () => {
    steps['decline'] = [
      { type: 'DeclineOffer', caseId, reason: 'Geen capaciteit' },
      at('2024-03-06', actors.bewindvoerder),
    ];
    steps['closeNotEligible'] = [
      { type: 'CloseCase', caseId, outcome: 'stays-on-smi' },
      at('2024-03-09', actors.officer),
    ];
    expect(who(intentsOfLast('open', 'offer', 'decline'))).toEqual([
      'offer-declined → GM0344/smi-officer',
    ]);
    expect(who(intentsOfLast('open', 'offer', 'claim', 'closeNotEligible'))).toEqual([
      'case-closed → GM0344/smi-officer',
      'case-closed → org-bewind-horizon/bewindvoerder',
      `case-closed → household:${caseId}/household`,
      'case-closed → DienstToeslagen/toeslagen-officer',
    ]);
  });

  it('tells the supporter to send the CIZ decision when CIZ did not find the indication, and when the forms are sent', () => {
    expect(who(intentsOfLast('open', 'offer', 'claim', 'request', 'register', 'notFound'))).toEqual(
      ['indication-not-found → org-bewind-horizon/bewindvoerder'],
    );
    expect(
      who(intentsOfLast('open', 'offer', 'claim', 'request', 'register', 'confirm', 'forms')),
    ).toEqual(['forms-sent → org-bewind-horizon/bewindvoerder']);
  });

  it('sends a KOT decision to every party on the case', () => {
    const intents = intentsOfLast(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
      'grant',
    );
    expect(who(intents)).toEqual([
      'kot-decided → GM0344/smi-officer',
      'kot-decided → org-bewind-horizon/bewindvoerder',
      `kot-decided → household:${caseId}/household`,
      'kot-decided → DienstToeslagen/toeslagen-officer',
      'kot-decided → CIZ/ciz-assessor',
    ]);
  });

  it('on a rejection also tells the officer SMI must continue and the supporter the objection deadline', () => {
    const intents = intentsOfLast(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
      'reject',
    );
    expect(intents.find((i) => i.rule === 'kot-rejected-continue-smi')).toMatchObject({
      recipient: { role: 'smi-officer' },
      params: { smiEndsOn: '2024-05-31' },
    });
    expect(intents.find((i) => i.rule === 'kot-rejected-objection-deadline')).toMatchObject({
      recipient: { role: 'bewindvoerder' },
      params: { objectionEnds: '2024-06-11' },
    });
  });

  it('gives the same id for the same event and recipient, and never carries names or BSNs', () => {
    const first = intentsOfLast(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
      'grant',
    );
    const again = intentsOfLast(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
      'grant',
    );
    expect(again.map((i) => i.id)).toEqual(first.map((i) => i.id));
    expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
    const text = JSON.stringify(first);
    for (const personal of ['Verbeek', '900000']) expect(text).not.toContain(personal);
  });
});

describe('notification rules for deadlines', () => {
  const state = (...names: string[]) => foldCase(story(names.map((name) => steps[name]!)));

  it('escalates a decision overdue past 5 weeks to the Toeslagen team lead and the referring officer', () => {
    const intents = notificationsForDeadlines(
      state(
        'open',
        'offer',
        'claim',
        'request',
        'register',
        'confirm',
        'forms',
        'submit',
        'receive',
      ),
      '2024-05-09T10:00:00Z',
    );
    expect(
      intents.filter((i) => i.rule === 'decision-overdue').map((i) => i.recipient.role),
    ).toEqual(['toeslagen-team-lead', 'smi-officer']);
  });

  it('warns the officer and the supporter when SMI ends within 21 days without KOT', () => {
    const intents = notificationsForDeadlines(
      state(
        'open',
        'offer',
        'claim',
        'request',
        'register',
        'confirm',
        'forms',
        'submit',
        'receive',
      ),
      '2024-05-12T10:00:00Z',
    );
    expect(
      intents.filter((i) => i.rule === 'smi-ending-without-kot').map((i) => i.recipient.role),
    ).toEqual(['smi-officer', 'bewindvoerder']);
  });

  it('reports a case left unclaimed past its norm to the officer and the team lead', () => {
    const intents = notificationsForDeadlines(state('open', 'offer'), '2024-03-16T10:00:00Z');
    expect(intents.map((i) => `${i.rule} → ${i.recipient.role}`)).toEqual([
      'case-unclaimed → smi-officer',
      'case-unclaimed → smi-team-lead',
    ]);
  });

  it('reports a funding gap the day it opens, once per gap whatever the day it is checked', () => {
    const rejected = state(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
      'reject',
    );
    const first = notificationsForDeadlines(rejected, '2024-06-01T10:00:00Z').filter(
      (i) => i.rule === 'funding-gap-opened',
    );
    const later = notificationsForDeadlines(rejected, '2024-06-05T10:00:00Z').filter(
      (i) => i.rule === 'funding-gap-opened',
    );
    expect(first.map((i) => i.recipient.role)).toEqual(['smi-officer', 'smi-team-lead']);
    expect(later.map((i) => i.id)).toEqual(first.map((i) => i.id));
  });

  it('yields the same intents on every run for the same moment, and none for a case on track', () => {
    const pending = state(
      'open',
      'offer',
      'claim',
      'request',
      'register',
      'confirm',
      'forms',
      'submit',
      'receive',
    );
    expect(notificationsForDeadlines(pending, '2024-05-20T10:00:00Z')).toEqual(
      notificationsForDeadlines(pending, '2024-05-20T10:00:00Z'),
    );
    expect(notificationsForDeadlines(pending, '2024-04-05T10:00:00Z')).toEqual([]);
  });
});
