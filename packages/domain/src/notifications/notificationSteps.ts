// The shared journey for the notification rule tests, with a shorter SMI period so the SMI-ending
// and gap rules have something to say, and the steps only these tests need.
import {
  actors,
  at,
  caseId,
  journey,
  openReferral,
  story,
  untilDecision as journeyUntilDecision,
  type Step,
} from '../testing';
import type { CaseEvent } from '../case/events';
import { foldCase, type CaseState } from '../case/state';
import type { NotificationIntent } from './notificationIntent';
import { notificationsForEvent } from './notificationRules';

export const steps = {
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
  releaseWhileWaiting: [
    { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd' },
    at('2024-04-10', actors.bewindvoerder),
  ],
  decline: [
    { type: 'DeclineOffer', caseId, reason: 'Geen capaciteit' },
    at('2024-03-06', actors.bewindvoerder),
  ],
  closeNotEligible: [
    { type: 'CloseCase', caseId, outcome: 'stays-on-smi' },
    at('2024-03-09', actors.officer),
  ],
  object: [
    { type: 'FileObjection', caseId, grounds: 'Partner werkt wel, zie contract.' },
    at('2024-05-06', actors.bewindvoerder),
  ],
  stopToZero: [
    {
      type: 'StopKot',
      caseId,
      stoppedFrom: '2024-07-01',
      setToZero: true,
      reason: 'Uren klopten niet',
    },
    at('2024-06-20', actors.toeslagen),
  ],
  stop: [
    {
      type: 'StopKot',
      caseId,
      stoppedFrom: '2024-07-01',
      setToZero: false,
      reason: 'Opvang beëindigd',
    },
    at('2024-06-20', actors.toeslagen),
  ],
  endSmiAcceptingGap: [
    {
      type: 'EndSmi',
      caseId,
      lastDay: '2024-05-15',
      acceptGapReason: 'Gezin verhuist naar een andere gemeente',
    },
    at('2024-05-02', actors.officer),
  ],
  reinstateSmi: [
    { type: 'ReinstateSmi', caseId, from: '2024-06-08', until: '2024-08-31' },
    at('2024-06-10', actors.officer),
  ],
} satisfies Record<string, Step>;
export type StepName = keyof typeof steps;

export const untilDecision: StepName[] = [...journeyUntilDecision];

export const eventsOf = (names: readonly StepName[]): CaseEvent[] =>
  story(names.map((name) => steps[name]));

export const stateOf = (...names: StepName[]): CaseState => foldCase(eventsOf(names));

/** The intents for the last step of a story, as the notifications service would derive them. */
export function intentsOfLast(...names: StepName[]): NotificationIntent[] {
  const events = eventsOf(names);
  const lastCount = eventsOf(names.slice(0, -1)).length;
  const out: NotificationIntent[] = [];
  let state = foldCase(events.slice(0, lastCount));
  for (const [i, event] of events.slice(lastCount).entries()) {
    const after = foldCase(events.slice(0, lastCount + i + 1));
    out.push(...notificationsForEvent(event, `evt-${lastCount + i}`, state, after));
    state = after;
  }
  return out;
}

/** `rule → organisation/role`, the way the tests compare recipients. */
export const who = (intents: readonly NotificationIntent[]): string[] =>
  intents.map((i) => `${i.rule} → ${i.recipient.organisation}/${i.recipient.role}`);

export { caseId };
