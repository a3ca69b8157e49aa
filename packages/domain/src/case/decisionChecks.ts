// The checks every part of the decider shares: the stage, business dates, the partners named.
import type { Instant, IsoDate } from '../calendar';
import type { Actor } from '../parties';
import { text } from '../text';
import type { CaseEvent } from './events';
import { courtRoleOf, mandateExpired, type Mandate } from './mandate';
import { refuse, refuseInput } from './refusal';
import type { CaseState, CaseStatus } from './state';
import { statusNames } from './valueNames';

export interface CommandContext {
  actor: Actor;
  /** The moment the command is handled; business dates default to this day in Amsterdam. */
  now: Instant;
}

export const event = <E extends CaseEvent>(type: E['type'], data: E['data']): E =>
  ({ type, schemaVersion: 1, data }) as E;

export function requireStatus(
  state: CaseState,
  allowed: readonly CaseStatus[],
  nl: string,
  en: string,
): void {
  if (!allowed.includes(state.status)) {
    const now = statusNames[state.status];
    throw refuse(
      'wrong-state',
      `${nl} (de zaak is nu: ${now.nl}).`,
      `${en} (the case is now: ${now.en}).`,
    );
  }
}

/**
 * A business date lies between the day the case reached its current step and today: a step cannot
 * be dated before the one it follows (the process's durations would lie), nor in the future.
 */
export function stepDate(
  field: string,
  given: IsoDate | undefined,
  state: CaseState,
  today: IsoDate,
): IsoDate {
  const date = given ?? today;
  notInFuture(field, date, today);
  if (state.statusSince !== null) {
    notBefore(field, date, state.statusSince, {
      nl: 'de datum van de vorige stap',
      en: 'the date of the previous step',
    });
  }
  return date;
}

export function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) {
    throw refuseInput([
      { field, reason: text(`${date} ligt in de toekomst`, `${date} is in the future`) },
    ]);
  }
}

export function notBefore(
  field: string,
  date: IsoDate,
  earliest: IsoDate,
  what: { nl: string; en: string },
): void {
  if (date < earliest) {
    throw refuseInput([
      {
        field,
        reason: text(
          `${date} ligt vóór ${what.nl} (${earliest})`,
          `${date} is before ${what.en} (${earliest})`,
        ),
      },
    ]);
  }
}

export function requireClaim(state: CaseState): void {
  if (!state.claim) {
    throw refuse(
      'wrong-state',
      'Niemand heeft deze zaak opgepakt.',
      'Nobody has taken this case on.',
    );
  }
}

export function checkPartner(state: CaseState, partnerId: string): void {
  if (!state.household?.partners.some((partner) => partner.partnerId === partnerId)) {
    throw refuseInput([
      {
        field: 'partnerId',
        reason: text('geen ouder in dit gezin', 'not a parent in this household'),
      },
    ]);
  }
}

/**
 * Evidence for acting now: not expired, naming only partners of this household, and a court
 * measure only for the role the court appoints (a supporter who may only signal cannot record a
 * court's authority for itself; the household applies for itself and needs none).
 */
export function checkMandate(
  state: CaseState,
  mandate: Mandate,
  actor: Actor,
  today: IsoDate,
): void {
  const courtRole = courtRoleOf[mandate.type];
  if (courtRole !== undefined && actor.role !== courtRole && actor.role !== 'household') {
    throw refuseInput([
      {
        field: 'mandate.type',
        reason: text(
          `alleen een ${courtRole} kan deze maatregel van de rechtbank vastleggen; vraag het gezin om een DigiD-machtiging of volmacht, of draag de zaak over`,
          `only a ${courtRole} can record this measure of the court; ask the family for a DigiD mandate or power of attorney, or hand the case over`,
        ),
      },
    ]);
  }
  if (mandateExpired(mandate, today)) {
    throw refuseInput([
      {
        field: 'mandate.validUntil',
        reason: text(
          `de machtiging is verlopen op ${mandate.validUntil}`,
          `the mandate expired on ${mandate.validUntil}`,
        ),
      },
    ]);
  }
  for (const id of [...(mandate.partnerIds ?? []), ...(mandate.consentOf ?? [])])
    checkPartner(state, id);
}

export const grantedAndClosed = (state: CaseState): boolean =>
  state.status === 'closed' && state.closure?.outcome === 'kot-granted';
