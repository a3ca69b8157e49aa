// The case page's actions in groups: the step's own commands first, the rest tucked away, the end
// of a case apart, and nothing the state makes pointless.
import { initialState, type CaseState } from '@kot/domain';
import { groupActions } from '../../services/portal/src/case/nextActions';

const today = '2026-12-07';
const withSmiUntil = (to: string): CaseState => ({
  ...initialState(),
  status: 'rejected',
  smi: [{ from: '2026-06-01', to }],
});

describe('the actions on a case page', () => {
  it('puts the step’s own commands first, the others apart from closing and withdrawing', () => {
    const groups = groupActions(
      [
        'CheckEligibility',
        'ExtendSmi',
        'ReinstateSmi',
        'AcceptFundingGap',
        'CloseCase',
        'WithdrawCase',
      ],
      ['secure-funding'],
      withSmiUntil('2026-11-30'),
      today,
    );
    expect(groups).toEqual({
      step: ['ReinstateSmi', 'ExtendSmi', 'AcceptFundingGap'],
      other: ['CheckEligibility'],
      apart: ['CloseCase', 'WithdrawCase'],
    });
  });

  it('does not offer reinstating an SMI that still runs: extending is the way then', () => {
    const groups = groupActions(
      ['ExtendSmi', 'ReinstateSmi', 'AcceptFundingGap'],
      ['continue-smi'],
      withSmiUntil('2026-12-20'),
      today,
    );
    expect(groups.step).toEqual(['ExtendSmi', 'AcceptFundingGap']);
    expect([...groups.other, ...groups.apart]).not.toContain('ReinstateSmi');
  });

  it('gives a user with no step of their own nothing as the obvious action', () => {
    const groups = groupActions(
      ['OfferCase', 'CloseCase'],
      ['claim-or-decline-offer'],
      withSmiUntil('2026-12-20'),
      today,
    );
    expect(groups).toEqual({ step: [], other: ['OfferCase'], apart: ['CloseCase'] });
  });

  it('keeps closing among the step’s choices when closing is what the step asks', () => {
    const groups = groupActions(
      ['CloseCase', 'WithdrawCase'],
      ['aftercare'],
      withSmiUntil('2026-12-20'),
      today,
    );
    expect(groups).toEqual({ step: ['CloseCase'], other: [], apart: ['WithdrawCase'] });
  });
});
