import { notificationsForDeadlines } from './deadlineRules';
import type { NotificationRule } from './notificationIntent';
import { caseId, stateOf, untilDecision, who, type StepName } from './notificationSteps';

const at = (date: string) => `${date}T10:00:00Z`;
const only = (rule: NotificationRule, intents: ReturnType<typeof notificationsForDeadlines>) =>
  intents.filter((i) => i.rule === rule);
const rejected: StepName[] = [...untilDecision, 'reject'];

describe('notification rules for deadlines', () => {
  it('escalates a decision overdue past 5 weeks to the Toeslagen team lead and the referring officer', () => {
    const intents = only(
      'decision-overdue',
      notificationsForDeadlines(stateOf(...untilDecision), at('2024-05-09')),
    );
    expect(intents.map((i) => i.recipient.role)).toEqual(['toeslagen-team-lead', 'smi-officer']);
  });

  it('keeps which deadline it is (the key in the id) apart from the date it is about', () => {
    const [overdue] = notificationsForDeadlines(stateOf(...untilDecision), at('2024-05-09'));
    expect(overdue).toMatchObject({
      deadline: 'decide-application/2024-04-03',
      date: '2024-05-08',
      params: { due: '2024-05-08', daysOverdue: 1 },
    });
    expect(overdue?.id).toBe(
      `decision-overdue:${caseId}/decide-application/2024-04-03:DienstToeslagen/toeslagen-team-lead/*`,
    );
  });

  it('warns the officer, the supporter and the household when SMI ends within 21 days without KOT', () => {
    const intents = only(
      'smi-ending-without-kot',
      notificationsForDeadlines(stateOf(...untilDecision), at('2024-05-12')),
    );
    expect(intents.map((i) => i.recipient.role)).toEqual([
      'smi-officer',
      'bewindvoerder',
      'household',
    ]);
    expect(intents[0]).toMatchObject({ deadline: 'smi-end/2024-05-31', date: '2024-05-31' });
  });

  it('reports a case left unclaimed past its norm to the officer and the team lead, and reminds the supporter of the offer', () => {
    const intents = notificationsForDeadlines(stateOf('open', 'offer'), at('2024-03-16'));
    expect(who(intents)).toEqual([
      'case-unclaimed → GM0344/smi-officer',
      'case-unclaimed → GM0344/smi-team-lead',
      'offer-overdue → org-bewind-horizon/bewindvoerder',
    ]);
    expect(intents[2]?.params).toMatchObject({
      offeredOn: '2024-03-05',
      due: '2024-03-15',
      daysOverdue: 1,
    });
    expect(
      only('offer-overdue', notificationsForDeadlines(stateOf('open', 'offer'), at('2024-03-15'))),
    ).toEqual([]);
    expect(
      only(
        'offer-overdue',
        notificationsForDeadlines(stateOf('open', 'offer', 'claim'), at('2024-03-20')),
      ),
    ).toEqual([]);
  });

  it('reports a funding gap once per gap, whatever the day it is checked', () => {
    const state = stateOf(...rejected);
    const first = only('funding-gap-opened', notificationsForDeadlines(state, at('2024-06-01')));
    const later = only('funding-gap-opened', notificationsForDeadlines(state, at('2024-06-05')));
    expect(who(first)).toEqual([
      'funding-gap-opened → GM0344/smi-officer',
      'funding-gap-opened → GM0344/smi-team-lead',
      `funding-gap-opened → household:${caseId}/household`,
      'funding-gap-opened → org-bewind-horizon/bewindvoerder',
    ]);
    expect(first[0]).toMatchObject({ deadline: 'gap/2024-06-01', date: '2024-06-01' });
    expect(later.map((i) => i.id)).toEqual(first.map((i) => i.id));
  });

  it('reports a gap that closed before anyone looked (SMI reinstated a week late), and not one the officer accepted', () => {
    const reinstated = stateOf(...rejected, 'reinstateSmi');
    const gaps = only(
      'funding-gap-opened',
      notificationsForDeadlines(reinstated, at('2024-06-10')),
    );
    // The officer, the team lead, the household and the supporter each hear of it once.
    expect(gaps.map((i) => i.params)).toMatchObject(
      Array.from({ length: 4 }, () => ({ from: '2024-06-01', days: 7, accepted: false })),
    );
    const accepted = stateOf(...rejected, 'endSmiAcceptingGap');
    expect(
      only('funding-gap-opened', notificationsForDeadlines(accepted, at('2024-05-20'))),
    ).toEqual([]);
    // The notifications service folds events without personal data: the reason is gone there.
    const withoutReasons = {
      ...accepted,
      acceptedGaps: accepted.acceptedGaps.map((gap) => ({ ...gap, reason: null })),
    } as unknown as typeof accepted;
    expect(
      only('funding-gap-opened', notificationsForDeadlines(withoutReasons, at('2024-05-20'))),
    ).toEqual([]);
  });

  it('warns the claimant and the household in the last 7 days of the objection period, and nobody once an objection is filed', () => {
    // Rejected on 2024-04-30: the objection period (6 weeks) ends on 2024-06-11.
    const state = stateOf(...rejected);
    const closing = (date: string) =>
      only('objection-window-closing', notificationsForDeadlines(state, at(date)));
    expect(closing('2024-06-03')).toEqual([]);
    expect(who(closing('2024-06-04'))).toEqual([
      'objection-window-closing → org-bewind-horizon/bewindvoerder',
      `objection-window-closing → household:${caseId}/household`,
    ]);
    expect(closing('2024-06-04')[0]).toMatchObject({
      deadline: 'objection-ends/2024-06-11',
      date: '2024-06-11',
      params: { objectionEnds: '2024-06-11', against: 'rejection', daysLeft: 7 },
    });
    expect(closing('2024-06-11').map((i) => i.id)).toEqual(closing('2024-06-04').map((i) => i.id));
    expect(closing('2024-06-12')).toEqual([]);
    const objected = stateOf(...rejected, 'object');
    expect(
      only('objection-window-closing', notificationsForDeadlines(objected, at('2024-06-05'))),
    ).toEqual([]);
  });

  it('warns the officer and the household of a closing objection period when nobody holds the case', () => {
    const state = stateOf(...untilDecision, 'releaseWhileWaiting', 'reject');
    expect(
      who(only('objection-window-closing', notificationsForDeadlines(state, at('2024-06-05')))),
    ).toEqual([
      'objection-window-closing → GM0344/smi-officer',
      `objection-window-closing → household:${caseId}/household`,
    ]);
  });

  it('warns of the objection period against a stopped KOT too', () => {
    // Stopped (decided) on 2024-06-20: the period ends on 2024-08-01.
    const state = stateOf(...untilDecision, 'grant', 'stop');
    const [closing] = only(
      'objection-window-closing',
      notificationsForDeadlines(state, at('2024-07-30')),
    );
    expect(closing?.params).toMatchObject({ against: 'stop', objectionEnds: '2024-08-01' });
  });

  it('yields the same intents on every run for the same moment, and none for a case on track', () => {
    const pending = stateOf(...untilDecision);
    expect(notificationsForDeadlines(pending, at('2024-05-20'))).toEqual(
      notificationsForDeadlines(pending, at('2024-05-20')),
    );
    expect(notificationsForDeadlines(pending, at('2024-04-05'))).toEqual([]);
  });
});
