// When a fact happened in the world (`occurredAt`, business time) is not always when it was
// recorded: Toeslagen may record on Friday a decision taken on Monday. Every case event carries
// the business date of its step; this turns that date into the instant stored as occurredAt.
import {
  businessDateOf,
  dateInAmsterdam,
  type CaseEvent,
  type Instant,
  type IsoDate,
} from '@kot/domain';

export { businessDateOf };

/**
 * occurredAt for an event decided at `now`: `now` itself for a step of today; for a back-dated
 * step the start of its day in Amsterdam (the time of day is not known, the day is). Never
 * before `notBefore`, the occurredAt of the event before it in the stream, so business time
 * follows the stream order and an as-of fold on the business axis always sees a whole prefix.
 */
export function occurredAtOf(event: CaseEvent, now: Instant, notBefore: Instant | null): Instant {
  const day = businessDateOf(event);
  const at = day === null || day >= dateInAmsterdam(now) ? now : startOfDayInAmsterdam(day);
  return notBefore !== null && Date.parse(notBefore) > Date.parse(at) ? notBefore : at;
}

/** Midnight in Amsterdam: 23:00 or 22:00 UTC the day before, depending on summer time. */
export function startOfDayInAmsterdam(day: IsoDate): Instant {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // Amsterdam is one or two hours ahead of UTC; clocks change at 02:00/03:00, never at midnight.
  for (const hoursAhead of [2, 1]) {
    const candidate = new Date(utcMidnight - hoursAhead * 3_600_000);
    const before = new Date(candidate.getTime() - 1);
    if (
      dateInAmsterdam(candidate.toISOString()) === day &&
      dateInAmsterdam(before.toISOString()) !== day
    ) {
      return candidate.toISOString();
    }
  }
  throw new Error(`no start of day found for ${day} in Europe/Amsterdam`);
}
