// The service's refusals in the platform's vocabulary: the domain's CommandRefused, which the
// platform turns into GraphQL codes (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND) and HTTP statuses.

import { CommandRefused, refuse, refuseInput, text, type FieldProblem } from '@kot/domain';

export { CommandRefused };

export const invalidInput = (problems: FieldProblem[]): CommandRefused => refuseInput(problems);

export const invalidField = (field: string, nl: string, en: string): CommandRefused =>
  refuseInput([{ field, reason: text(nl, en) }]);

export const forbidden = (nl: string, en: string): CommandRefused => refuse('forbidden', nl, en);

export const notFound = (nl: string, en: string): CommandRefused => refuse('not-found', nl, en);
