// Where a case belongs on a worklist, and why. A family without funding today comes first, then
// families about to lose it, then late steps (the latest first), then the rest by due date; cases
// of the same urgency and due date keep the order in which they came in.
import { dateInAmsterdam, type Instant } from '../calendar';
import { text, type Text } from '../text';
import { fundingCoverage } from './fundingCoverage';
import type { NextStep } from './nextStep';
import type { CaseState } from './state';

export const urgencyKinds = ['unfunded-today', 'funding-at-risk', 'overdue', 'on-time'] as const;
export type UrgencyKind = (typeof urgencyKinds)[number];

export interface Urgency {
  kind: UrgencyKind;
  /** 0 comes first: the position of `kind` in `urgencyKinds`. */
  rank: number;
  /** Why the case stands where it stands, in words. */
  reason: Text;
}

const ranked = (kind: UrgencyKind, reason: Text): Urgency => ({
  kind,
  rank: urgencyKinds.indexOf(kind),
  reason,
});

export function urgencyOf(state: CaseState, step: NextStep | null, now: Instant): Urgency {
  const today = dateInAmsterdam(now);
  const coverage = fundingCoverage(state, now);
  const gapToday = coverage.gaps.find((gap) => !gap.accepted && gap.to === today);
  if (gapToday) {
    return ranked(
      'unfunded-today',
      text(
        `Het gezin heeft sinds ${gapToday.from} geen financiering voor de opvang (${gapToday.days} ${gapToday.days === 1 ? 'dag' : 'dagen'}).`,
        `The family has had no funding for childcare since ${gapToday.from} (${gapToday.days} ${gapToday.days === 1 ? 'day' : 'days'}).`,
      ),
    );
  }
  if (coverage.atRisk) {
    const ends = coverage.smiEndsOn ?? coverage.kotEndsOn ?? coverage.fundedUntil;
    return ranked(
      'funding-at-risk',
      ends
        ? text(
            `De financiering eindigt op ${ends}; daarna ${coverage.daysAtRisk} ${coverage.daysAtRisk === 1 ? 'dag' : 'dagen'} in de komende drie weken zonder SMI of toeslag.`,
            `Funding ends on ${ends}; after it ${coverage.daysAtRisk} ${coverage.daysAtRisk === 1 ? 'day' : 'days'} in the coming three weeks without SMI or KOT.`,
          )
        : text(
            `${coverage.daysAtRisk} ${coverage.daysAtRisk === 1 ? 'dag' : 'dagen'} in de komende drie weken zonder SMI of toeslag.`,
            `${coverage.daysAtRisk} ${coverage.daysAtRisk === 1 ? 'day' : 'days'} in the coming three weeks without SMI or KOT.`,
          ),
    );
  }
  if (step?.overdue) {
    return ranked(
      'overdue',
      text(
        `${step.daysOverdue} ${step.daysOverdue === 1 ? 'dag' : 'dagen'} te laat (uiterlijk ${step.due}).`,
        `${step.daysOverdue} ${step.daysOverdue === 1 ? 'day' : 'days'} overdue (due ${step.due}).`,
      ),
    );
  }
  return ranked(
    'on-time',
    step
      ? text(`Op tijd; uiterlijk ${step.due}.`, `On time; due ${step.due}.`)
      : text('Geen open stap.', 'No open step.'),
  );
}
