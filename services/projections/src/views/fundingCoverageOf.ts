// The domain's fundingCoverage on a state as the read side holds it. Read models keep accepted gaps
// without their reason (personal data, see withoutPersonalData), and the domain tells an accepted
// day from an unaccepted one by that reason: without a stand-in, accepted gaps would read as not
// accepted. So each reason-less acceptance gets a stand-in before the rule runs, and every gap says
// whether it was accepted, with the real reason only where the state still holds it.
import {
  fundingCoverage,
  type CaseState,
  type FundingCoverage,
  type Gap,
  type Instant,
} from '@kot/domain';

export interface CoverageGap extends Gap {
  accepted: boolean;
}

export type Coverage = Omit<FundingCoverage, 'gaps'> & { gaps: CoverageGap[] };

/** Cannot collide with a reason a person typed: those are checked text without control characters. */
const standInOf = (index: number) => `\u0000accepted-gap-${index}`;

export function fundingCoverageOf(state: CaseState, now: Instant): Coverage {
  const stood = new Set<string>();
  const acceptedGaps = state.acceptedGaps.map((gap, index) => {
    // Typed as string by the domain; null at run time when the read model dropped it.
    const reason = (gap.reason as string | null) ?? null;
    if (reason !== null) return gap;
    const standIn = standInOf(index);
    stood.add(standIn);
    return { ...gap, reason: standIn };
  });
  const coverage = fundingCoverage({ ...state, acceptedGaps }, now);
  return {
    ...coverage,
    gaps: coverage.gaps.map((gap) => ({
      ...gap,
      accepted: gap.acceptedReason !== null,
      acceptedReason:
        gap.acceptedReason !== null && stood.has(gap.acceptedReason) ? null : gap.acceptedReason,
    })),
  };
}
