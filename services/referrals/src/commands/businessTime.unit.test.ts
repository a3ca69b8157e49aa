import type { CaseEvent } from '@kot/domain';
import { businessDateOf, occurredAtOf, startOfDayInAmsterdam } from './businessTime';

const granted = (decidedOn: string): CaseEvent => ({
  type: 'KotGranted',
  schemaVersion: 1,
  data: { decidedOn, grantedFrom: '2026-12-01' },
});
const now = '2026-11-27T14:30:00.000Z';

describe('the business time of an event', () => {
  it('is the moment of recording for a step taken today', () => {
    expect(occurredAtOf(granted('2026-11-27'), now, null)).toBe(now);
  });

  it('is the start of the day in Amsterdam for a step recorded days after it was taken', () => {
    expect(occurredAtOf(granted('2026-11-23'), now, null)).toBe('2026-11-22T23:00:00.000Z');
  });

  it('never lies before the event before it, so business time follows the stream', () => {
    const previous = '2026-11-23T10:15:00.000Z';
    expect(occurredAtOf(granted('2026-11-23'), now, previous)).toBe(previous);
  });

  it('is the moment of recording for an eligibility check, whose date is the day it is about', () => {
    const check: CaseEvent = {
      type: 'EligibilityChecked',
      schemaVersion: 1,
      data: { checkedOn: '2026-01-01', verdict: 'yes', unmet: [], unknown: [] },
    };
    expect(businessDateOf(check)).toBeNull();
    expect(occurredAtOf(check, now, null)).toBe(now);
  });

  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('starts %s at midnight in Amsterdam (%s), in winter and summer time alike', (day, start) => {
    expect(startOfDayInAmsterdam(day)).toBe(start);
  });
});
