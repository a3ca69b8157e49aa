// The municipality's SMI and the gap guard: nobody can end a family's funding quietly.
import { addDays, type IsoDate } from '../calendar';
import { text } from '../text';
import type { AcceptFundingGap, EndSmi, ExtendSmi, ReinstateSmi } from './commands';
import { event } from './decisionChecks';
import type { CaseEvent, SmiEnded } from './events';
import { acceptances, firstCoveredFrom, firstUnacceptedDay } from './fundingGapAcceptance';
import { kotCoversDayAfter } from './fundingCoverage';
import { refuse, refuseInput } from './refusal';
import { evolve, fundedKot, type CaseState } from './state';

type FundingCommand = ExtendSmi | EndSmi | ReinstateSmi | AcceptFundingGap;

export function decideFunding(
  command: FundingCommand,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  switch (command.type) {
    case 'ExtendSmi': {
      const lastEnd = state.smi[state.smi.length - 1]?.to;
      if (lastEnd !== undefined && command.until <= lastEnd) {
        throw refuseInput([
          {
            field: 'until',
            reason: text(`de SMI loopt al tot ${lastEnd}`, `SMI already runs until ${lastEnd}`),
          },
        ]);
      }
      return [event('SmiExtended', { until: command.until, decidedOn: today })];
    }
    case 'EndSmi':
      return endSmi(state, command.lastDay, command.acceptGapReason, today);
    case 'ReinstateSmi':
      return [
        event('SmiReinstated', { from: command.from, until: command.until, decidedOn: today }),
      ];
    case 'AcceptFundingGap':
      return [
        event('FundingGapAccepted', {
          from: command.from,
          ...(command.to ? { to: command.to } : {}),
          reason: command.reason,
          acceptedOn: today,
        }),
      ];
  }
}

/**
 * The gap guard: SMI may only end when KOT is granted for the next day, or when the days without
 * funding that the end opens are accepted: already (AcceptFundingGap), or now with a reason, which
 * is recorded before the end and covers only the days not accepted yet.
 */
function endSmi(
  state: CaseState,
  lastDay: IsoDate,
  acceptGapReason: string | undefined,
  today: IsoDate,
): CaseEvent[] {
  const current = state.smi[state.smi.length - 1];
  if (current && current.to < today) {
    throw refuse(
      'wrong-state',
      `De SMI is al afgelopen op ${current.to}; hervat haar als het gezin haar weer nodig heeft.`,
      `SMI already ran out on ${current.to}; reinstate it if the family needs it again.`,
    );
  }
  if (current && lastDay < current.from) {
    throw refuseInput([
      {
        field: 'lastDay',
        reason: text(
          `${lastDay} ligt vóór het begin van de SMI (${current.from}); de SMI kan op zijn vroegst op haar eerste dag eindigen`,
          `${lastDay} is before SMI began (${current.from}); SMI can end on its first day at the earliest`,
        ),
      },
    ]);
  }
  if (!current || lastDay > current.to) {
    throw refuseInput([
      {
        field: 'lastDay',
        reason: text(
          `de SMI loopt ${current ? `tot ${current.to}` : 'niet'}; verleng haar in plaats daarvan`,
          `SMI runs ${current ? `until ${current.to}` : 'no longer'}; extend it instead`,
        ),
      },
    ]);
  }
  const ended = event<SmiEnded>('SmiEnded', { lastDay, decidedOn: today });
  if (kotCoversDayAfter(state, lastDay)) return [ended];

  // The gap as it would be once SMI has ended: from the next day until funding resumes.
  const after = evolve(state, ended);
  const resumes = firstCoveredFrom([...fundedKot(after), ...after.smi], addDays(lastDay, 1));
  const gapTo = resumes ? addDays(resumes, -1) : undefined;
  const unaccepted = firstUnacceptedDay(acceptances(after), addDays(lastDay, 1), gapTo);
  if (unaccepted === null) return [ended];
  if (!acceptGapReason) {
    throw refuseInput([
      {
        field: 'acceptGapReason',
        reason: text(
          `op ${unaccepted} is er geen kinderopvangtoeslag toegekend: het gezin zou dan geen vergoeding voor de opvang hebben. Verleng de SMI, of accepteer dit gat uitdrukkelijk met een reden`,
          `no KOT is granted for ${unaccepted}: the family would have no funding for childcare. Extend SMI, or accept this gap explicitly with a reason`,
        ),
      },
    ]);
  }
  return [
    event('FundingGapAccepted', {
      from: unaccepted,
      ...(gapTo ? { to: gapTo } : {}),
      reason: acceptGapReason,
      acceptedOn: today,
    }),
    ended,
  ];
}
