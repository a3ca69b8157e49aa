// Read-side refusals in the vocabulary the platform turns into GraphQL codes (and HTTP statuses):
// the domain's CommandRefused with its kind. A missing case and a case the actor may not see read
// the same, so nobody learns that a case exists.
import { CommandRefused, text, type Text } from '@kot/domain';

export const caseNotFound = (): CommandRefused =>
  new CommandRefused(
    'not-found',
    text(
      'Deze zaak bestaat niet of u mag hem niet inzien.',
      'This case does not exist or you may not see it.',
    ),
  );

export const forbidden = (reason: Text): CommandRefused => new CommandRefused('forbidden', reason);

export const onlyAuditors = (): CommandRefused =>
  forbidden(text('Alleen auditors mogen dit inzien.', 'Only auditors may see this.'));

export const onlyAuditorsAndAdmins = (): CommandRefused =>
  forbidden(
    text(
      'Alleen auditors en beheerders van het platform mogen dit doen.',
      'Only auditors and platform administrators may do this.',
    ),
  );

export const badInput = (field: string, nl: string, en: string): CommandRefused =>
  new CommandRefused('invalid-input', text(`${field}: ${nl}`, `${field}: ${en}`), [
    { field, reason: text(nl, en) },
  ]);
