// Read models fold the log without personal data, so accepted gaps arrive without their reason:
// the domain's coverage must still tell accepted days from unaccepted ones there.
import { foldCase, fundingCoverage } from '@kot/domain';
import { actors, at, caseId, openReferral, story } from '@kot/domain/testing';
import { withoutPersonalData } from '../personalData/withoutPersonalData';

// SMI from 1 January to 30 June; the officer ends it on 31 March and accepts the gap from 1 April.
// On 10 May the accepted gap runs 1 April – 10 May; nothing else is unfunded.
const events = story([
  [openReferral(), at('2024-03-04', actors.officer)],
  [
    {
      type: 'EndSmi',
      caseId,
      lastDay: '2024-03-31',
      acceptGapReason: 'Gezin stopt met de opvang, afgestemd met de bewindvoerder.',
    },
    at('2024-03-05', actors.officer),
  ],
]);
const now = '2024-05-10T09:00:00.000Z';

describe('funding coverage on a read model without personal data', () => {
  it('still knows the gap was accepted in a read model that dropped the reason', () => {
    const stored = foldCase(events.map(withoutPersonalData));
    const coverage = fundingCoverage(stored, now);
    expect(coverage.gaps).toEqual([
      { from: '2024-04-01', to: '2024-05-10', days: 40, accepted: true, acceptedReason: null },
    ]);
  });

  it('keeps days nobody accepted apart from accepted ones in a read model', () => {
    // SMI ends on 30 June; the officer accepted 1–5 July only. On 10 July, 6–10 July are unfunded
    // and not accepted. Without the reasons, the domain alone would see one gap of ten days.
    const partlyAccepted = story([
      [openReferral(), at('2024-03-04', actors.officer)],
      [
        {
          type: 'AcceptFundingGap',
          caseId,
          from: '2024-07-01',
          to: '2024-07-05',
          reason: 'Vakantie van de opvang, afgestemd met het gezin.',
        },
        at('2024-03-05', actors.officer),
      ],
    ]);
    const stored = foldCase(partlyAccepted.map(withoutPersonalData));
    const coverage = fundingCoverage(stored, '2024-07-10T09:00:00.000Z');
    expect(coverage.gaps.map(({ from, to, accepted }) => ({ from, to, accepted }))).toEqual([
      { from: '2024-07-01', to: '2024-07-05', accepted: true },
      { from: '2024-07-06', to: '2024-07-10', accepted: false },
    ]);
  });
});
