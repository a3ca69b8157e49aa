import { text, type Text } from '../text';
import { fieldName } from './fieldNames';

/**
 * Why a command was refused, so the service can answer in words a caseworker understands:
 * `forbidden` (not yours to do), `invalid-input` (a field is wrong), `wrong-state` (not possible
 * now), `not-found` (no such case).
 */
export type RefusalKind = 'forbidden' | 'invalid-input' | 'wrong-state' | 'not-found';

export interface FieldProblem {
  /** The machine path of the field (`household.partners[1].bsn`), for screens and APIs. */
  field: string;
  reason: Text;
}

export class CommandRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly reason: Text,
    readonly fields: FieldProblem[] = [],
  ) {
    super(reason.en);
    this.name = 'CommandRefused';
  }
}

export const refuse = (kind: RefusalKind, nl: string, en: string): CommandRefused =>
  new CommandRefused(kind, text(nl, en));

const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;

/** One sentence per field, naming the field in words: "BSN van ouder 2: geen geldig BSN …". */
export const refuseInput = (fields: FieldProblem[]): CommandRefused =>
  new CommandRefused(
    'invalid-input',
    text(
      [
        'Controleer de invoer.',
        ...fields.map((f) => sentence(`${fieldName(f.field).nl}: ${f.reason.nl}`)),
      ].join(' '),
      [
        'Please check the input.',
        ...fields.map((f) => sentence(`${fieldName(f.field).en}: ${f.reason.en}`)),
      ].join(' '),
    ),
    fields,
  );
