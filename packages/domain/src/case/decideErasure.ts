// Erasing a family's personal data (recht op vergetelheid, art. 17 AVG): the event says who, when
// and on which ground; the service destroys the case key right after it is stored.
import type { IsoDate } from '../calendar';
import type { PartyRef } from '../parties';
import type { ErasePersonalData } from './commands';
import { event } from './decisionChecks';
import type { CaseEvent } from './events';
import { refuse } from './refusal';
import type { CaseState } from './state';

export function decideErasure(
  command: ErasePersonalData,
  state: CaseState,
  by: PartyRef,
  today: IsoDate,
): CaseEvent[] {
  if (state.erasedOn !== null) {
    throw refuse(
      'wrong-state',
      `De persoonsgegevens van deze zaak zijn al gewist op ${state.erasedOn}.`,
      `The personal data of this case was already erased on ${state.erasedOn}.`,
    );
  }
  return [
    event('PersonalDataErased', {
      erasedOn: today,
      ground: command.ground,
      ...(command.reference ? { reference: command.reference } : {}),
      by,
    }),
  ];
}
