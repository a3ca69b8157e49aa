// The words of the lists (worklist, case list): short enough for one line per case.
import { text, type Text } from '@kot/domain';

/** The urgency of a row in a word or two; the full reason is read out beside it. */
export const urgencyNames: Record<string, Text> = {
  'unfunded-today': text('Geen financiering', 'No funding'),
  'funding-at-risk': text('Financiering loopt af', 'Funding ends'),
  overdue: text('Te laat', 'Late'),
  'on-time': text('Op tijd', 'On time'),
};

export const sortNames: Record<'URGENCY' | 'DUE' | 'AGE', Text> = {
  URGENCY: text('Dringendste eerst', 'Most urgent first'),
  DUE: text('Eerste uiterste datum eerst', 'Soonest due first'),
  AGE: text('Oudste zaak eerst', 'Oldest case first'),
};

/** "Familie de Boer · zaak 0000ABCD", or only the number for a reader who may not see the name. */
export const caseLabel = (
  caseNumber: string,
  familyName: string | null,
  tr: (nl: string, en: string) => string,
): string =>
  familyName
    ? tr(`Familie ${familyName} · zaak ${caseNumber}`, `${familyName} family · case ${caseNumber}`)
    : tr(`Zaak ${caseNumber}`, `Case ${caseNumber}`);
