import { evolve } from '../case/state';
import type { CaseEvent } from '../case/events';
import { notificationsForEvent } from './notificationRules';
import {
  caseId,
  intentsOfLast,
  stateOf,
  untilDecision,
  who,
  type StepName,
} from './notificationSteps';

const decided = (decision: StepName): StepName[] => [...untilDecision, decision];

describe('notification rules for events', () => {
  it('tells the supporter organisation a case was offered to it, with the claim norm', () => {
    const [offered] = intentsOfLast('open', 'offer');
    expect(offered).toMatchObject({
      rule: 'case-offered',
      recipient: { organisation: 'org-bewind-horizon' },
      params: { due: '2024-03-15' },
    });
  });

  it('tells the referring officer about a claim and about a release by the supporter', () => {
    expect(who(intentsOfLast('open', 'offer', 'claim'))).toEqual([
      'case-claimed → GM0344/smi-officer',
    ]);
    expect(who(intentsOfLast('open', 'offer', 'claim', 'release'))).toEqual([
      'claim-released → GM0344/smi-officer',
    ]);
  });

  it('tells the supporter, and not the officer who did it, when the municipality released their claim', () => {
    const before = stateOf('open', 'offer', 'claim');
    const released: CaseEvent = {
      type: 'ClaimReleased',
      schemaVersion: 1,
      data: {
        by: { organisation: 'GM0344', role: 'smi-officer', personId: 'u-officer-utrecht' },
        releasedOn: '2024-03-08',
        reason: 'Bewindvoerder onbereikbaar',
      },
    };
    const intents = notificationsForEvent(released, 'evt-r', before, evolve(before, released));
    expect(who(intents)).toEqual(['claim-revoked → org-bewind-horizon/bewindvoerder']);
    expect(intents[0]?.params).toMatchObject({ releasedBy: 'GM0344' });
  });

  it('tells the officer an offer was declined, and every party that the case was closed', () => {
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

  it('tells the desk whose turn it is: Toeslagen when KOT is requested, CIZ when the request is registered', () => {
    const requested = intentsOfLast('open', 'offer', 'claim', 'request');
    expect(who(requested)).toEqual(['kot-requested → DienstToeslagen/toeslagen-officer']);
    expect(requested[0]?.params).toMatchObject({
      channel: 'phone',
      requestedOn: '2024-03-11',
      due: '2024-03-16',
    });
    const registered = intentsOfLast('open', 'offer', 'claim', 'request', 'register');
    expect(who(registered)).toEqual([
      'indication-check-requested → DienstToeslagen/toeslagen-officer',
    ]);
    expect(registered[0]?.params).toMatchObject({ registeredOn: '2024-03-14', due: '2024-03-19' });
  });

  it('leaves CIZ out when the request is registered with the indication already shown', () => {
    const before = {
      ...stateOf('open', 'offer', 'claim', 'request'),
      indication: {
        partnerId: 'p1',
        kind: 'permanent' as const,
        validFrom: '2019-06-01',
        source: 'copy' as const,
      },
    };
    const registered: CaseEvent = {
      type: 'WlzRequestRegistered',
      schemaVersion: 1,
      data: { registeredOn: '2024-03-14' },
    };
    const after = evolve(before, registered);
    expect(after.status).toBe('forms-pending');
    expect(notificationsForEvent(registered, 'evt-w', before, after)).toEqual([]);
  });

  it('tells Toeslagen when an application is posted and when an objection is filed', () => {
    expect(who(intentsOfLast(...untilDecision.slice(0, 8)))).toEqual([
      'application-submitted → DienstToeslagen/toeslagen-officer',
    ]);
    const objection = intentsOfLast(...decided('reject'), 'object');
    expect(who(objection)).toEqual(['objection-filed → DienstToeslagen/toeslagen-officer']);
    expect(objection[0]?.params).toMatchObject({
      filedOn: '2024-05-06',
      against: 'rejection',
      due: '2024-06-17',
    });
  });

  it('tells the supporter to send the CIZ decision when Toeslagen did not find the indication in CIZ’s data, and when the forms are sent', () => {
    expect(who(intentsOfLast('open', 'offer', 'claim', 'request', 'register', 'notFound'))).toEqual(
      ['indication-not-found → org-bewind-horizon/bewindvoerder'],
    );
    expect(
      who(intentsOfLast('open', 'offer', 'claim', 'request', 'register', 'confirm', 'forms')),
    ).toEqual(['forms-sent → org-bewind-horizon/bewindvoerder']);
  });

  it('sends a KOT decision to every party on the case', () => {
    expect(who(intentsOfLast(...decided('grant')))).toEqual([
      'kot-decided → GM0344/smi-officer',
      'kot-decided → org-bewind-horizon/bewindvoerder',
      `kot-decided → household:${caseId}/household`,
      'kot-decided → DienstToeslagen/toeslagen-officer',
    ]);
  });

  it('on a rejection also tells the officer SMI must continue, and the supporter and the household the objection deadline', () => {
    const intents = intentsOfLast(...decided('reject'));
    expect(intents.find((i) => i.rule === 'kot-rejected-continue-smi')).toMatchObject({
      recipient: { role: 'smi-officer' },
      params: { smiEndsOn: '2024-05-31' },
    });
    expect(
      intents.filter((i) => i.rule === 'kot-rejected-objection-deadline').map((i) => i.recipient),
    ).toMatchObject([{ role: 'bewindvoerder' }, { role: 'household' }]);
    expect(intents.find((i) => i.rule === 'kot-rejected-objection-deadline')?.params).toMatchObject(
      { objectionEnds: '2024-06-11', reason: 'partner-not-working' },
    );
  });

  it('on a rejection of a case nobody holds, tells the officer and the household the objection deadline', () => {
    const intents = intentsOfLast(...untilDecision, 'releaseWhileWaiting', 'reject');
    expect(who(intents.filter((i) => i.rule === 'kot-rejected-objection-deadline'))).toEqual([
      'kot-rejected-objection-deadline → GM0344/smi-officer',
      `kot-rejected-objection-deadline → household:${caseId}/household`,
    ]);
  });

  it('tells every party that a granted KOT was stopped, and whether it was set to zero, and whoever may object the deadline', () => {
    const all = intentsOfLast(...decided('grant'), 'stopToZero');
    expect(who(all.filter((i) => i.rule === 'kot-stopped-objection-deadline'))).toEqual([
      'kot-stopped-objection-deadline → org-bewind-horizon/bewindvoerder',
      `kot-stopped-objection-deadline → household:${caseId}/household`,
    ]);
    const toZero = all.filter((i) => i.rule === 'kot-stopped');
    expect(who(toZero)).toEqual([
      'kot-stopped → GM0344/smi-officer',
      'kot-stopped → org-bewind-horizon/bewindvoerder',
      `kot-stopped → household:${caseId}/household`,
      'kot-stopped → DienstToeslagen/toeslagen-officer',
    ]);
    expect(toZero.every((i) => i.params.setToZero === true)).toBe(true);
    expect(toZero[0]?.params).toMatchObject({ stoppedFrom: '2024-07-01' });
    const stopped = intentsOfLast(...decided('grant'), 'stop').filter(
      (i) => i.rule === 'kot-stopped',
    );
    expect(stopped).toHaveLength(4);
    expect(stopped.every((i) => i.params.setToZero === false)).toBe(true);
  });

  it('tells the household, the claimant and the officer when the officer ends SMI accepting a funding gap', () => {
    const intents = intentsOfLast(...decided('reject'), 'endSmiAcceptingGap');
    expect(who(intents)).toEqual([
      'funding-gap-opened → GM0344/smi-officer',
      `funding-gap-opened → household:${caseId}/household`,
      'funding-gap-opened → org-bewind-horizon/bewindvoerder',
      `smi-ended → household:${caseId}/household`,
      'smi-ended → org-bewind-horizon/bewindvoerder',
    ]);
    expect(intents[0]?.params).toMatchObject({ from: '2024-05-16', accepted: true });
  });

  it('gives the same id for the same event and recipient, and never carries names or BSNs', () => {
    const first = intentsOfLast(...decided('grant'));
    const again = intentsOfLast(...decided('grant'));
    expect(again.map((i) => i.id)).toEqual(first.map((i) => i.id));
    expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
    const text = JSON.stringify(first);
    for (const personal of ['Verbeek', '900000']) expect(text).not.toContain(personal);
  });
});
