// Life goes on after the referral: changes of circumstances (and passing them to Toeslagen while
// KOT runs), corrections of a recorded fact, and the settlement of a year's KOT after it ended.
import type { IsoDate } from '../calendar';
import { text } from '../text';
import type {
  CorrectIndicatedPartner,
  PassChangeToToeslagen,
  RecordChangeProcessed,
  RecordHouseholdChange,
  SettleKot,
} from './commands';
import { checkPartner, event } from './decisionChecks';
import type { CaseEvent } from './events';
import {
  changesToPass,
  changesToProcess,
  circumstancesOn,
  type HouseholdChangeFacts,
  type HouseholdChangeKind,
  type RecordedChange,
} from './householdChanges';
import { refuse, refuseInput } from './refusal';
import { fundedKot, type CaseState } from './state';

type ChangeCommand =
  | RecordHouseholdChange
  | PassChangeToToeslagen
  | RecordChangeProcessed
  | CorrectIndicatedPartner
  | SettleKot;

export function decideChanges(
  command: ChangeCommand,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  switch (command.type) {
    case 'RecordHouseholdChange':
      return recordChange(command, state, today);
    case 'PassChangeToToeslagen': {
      // Toeslagen needs a change only while it pays from the change's date on; before a grant
      // the application itself carries the facts.
      if (changesToPass(state).length === 0) {
        throw refuse(
          'wrong-state',
          'Er is geen vastgelegde wijziging die Dienst Toeslagen nog moet horen: geen wijziging die nog niet is doorgegeven terwijl er kinderopvangtoeslag loopt.',
          'There is no recorded change left that Dienst Toeslagen must hear of: none not yet passed on while the allowance is paid.',
        );
      }
      const change = changeOf(state, command.changeId);
      if (!changesToPass(state).includes(change)) {
        throw refuse(
          'wrong-state',
          change.passedOn === undefined
            ? `Over de dagen vanaf ${change.effectiveFrom} is geen kinderopvangtoeslag betaald; Dienst Toeslagen hoeft deze wijziging niet te horen.`
            : `Deze wijziging is al op ${change.passedOn} aan Dienst Toeslagen doorgegeven.`,
          change.passedOn === undefined
            ? `No allowance was paid for the days from ${change.effectiveFrom}; Dienst Toeslagen need not hear of this change.`
            : `This change was already passed to Dienst Toeslagen on ${change.passedOn}.`,
        );
      }
      return [event('ChangePassedToToeslagen', { changeId: change.changeId, passedOn: today })];
    }
    case 'RecordChangeProcessed': {
      if (changesToProcess(state).length === 0) {
        throw refuse(
          'wrong-state',
          'Er is geen doorgegeven wijziging die nog verwerkt moet worden.',
          'There is no change passed on that is still to be processed.',
        );
      }
      const change = changeOf(state, command.changeId);
      if (change.passedOn === undefined || change.processedOn !== undefined) {
        throw refuse(
          'wrong-state',
          change.passedOn === undefined
            ? 'Deze wijziging is nog niet aan Dienst Toeslagen doorgegeven.'
            : `Deze wijziging is al op ${change.processedOn} verwerkt.`,
          change.passedOn === undefined
            ? 'This change has not been passed to Dienst Toeslagen yet.'
            : `This change was already processed on ${change.processedOn}.`,
        );
      }
      return [event('HouseholdChangeProcessed', { changeId: change.changeId, processedOn: today })];
    }
    case 'CorrectIndicatedPartner':
      return correctIndicatedPartner(command, state, today);
    case 'SettleKot':
      return settleKot(command, state, today);
  }
}

/** A correction of who holds the indication that CIZ has not checked yet. */
export const correctionToCheck = (state: CaseState) =>
  state.corrections.find((correction) => correction.checkedOn === undefined) ?? null;

function changeOf(state: CaseState, changeId: string): RecordedChange {
  const change = state.householdChanges.find((candidate) => candidate.changeId === changeId);
  if (!change) {
    throw refuseInput([
      {
        field: 'changeId',
        reason: text('geen wijziging van deze zaak', 'not a change of this case'),
      },
    ]);
  }
  return change;
}

function recordChange(
  command: RecordHouseholdChange,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  const { type: _type, caseId: _caseId, effectiveFrom, ...facts } = command;
  const known = circumstancesOn(state, '9999-12-31');
  const childIds = new Set(known.children.map((child) => child.childId));
  switch (facts.changeKind) {
    case 'partner-work':
    case 'indication-changed':
    case 'indication-ended':
      checkPartner(state, facts.partnerId ?? '');
      break;
    case 'separation':
      if (known.household.composition !== 'partners' || known.household.partners.length !== 2) {
        throw refuse(
          'wrong-state',
          'Er zijn geen twee partners meer in dit gezin; een scheiding is al vastgelegd of het gezin heeft één ouder.',
          'This household no longer has two partners; a separation was recorded already or it has one parent.',
        );
      }
      checkPartner(state, facts.partnerId ?? '');
      break;
    case 'child-added':
      if (facts.child && childIds.has(facts.child.childId)) {
        throw refuseInput([
          {
            field: 'child.childId',
            reason: text('dit kind staat al in de zaak', 'this child is already on the case'),
          },
        ]);
      }
      break;
    case 'childcare':
    case 'childcare-ended':
      if (!childIds.has(facts.childId ?? '')) {
        throw refuseInput([
          {
            field: 'childId',
            reason: text('geen kind in dit gezin', 'not a child in this household'),
          },
        ]);
      }
      break;
  }
  return [
    event('HouseholdChangeRecorded', {
      ...relevantFacts(facts),
      changeId: `change-${state.householdChanges.length + 1}`,
      effectiveFrom,
      recordedOn: today,
    }),
  ];
}

/** Only the fields the kind of change uses: a form may send more (its other choices). */
function relevantFacts(facts: HouseholdChangeFacts): HouseholdChangeFacts {
  const keep: Record<HouseholdChangeKind, ReadonlyArray<keyof HouseholdChangeFacts>> = {
    'partner-work': ['partnerId', 'workStatus'],
    separation: ['partnerId'],
    'child-added': ['child'],
    childcare: ['childId', 'childcare'],
    'childcare-ended': ['childId'],
    'indication-changed': ['partnerId', 'indicationKind', 'validTo'],
    'indication-ended': ['partnerId'],
  };
  const relevant: HouseholdChangeFacts = { changeKind: facts.changeKind };
  for (const field of keep[facts.changeKind]) {
    if (facts[field] !== undefined) Object.assign(relevant, { [field]: facts[field] });
  }
  return relevant;
}

/** The partner the record now says holds the indication (CIZ's confirmation first). */
function recordedIndicatedPartner(state: CaseState, other: string): string | null {
  if (state.indication) return state.indication.partnerId;
  const stated = state.household?.partners.find(
    (partner) => partner.wlzIndication !== null && partner.partnerId !== other,
  );
  return stated?.partnerId ?? null;
}

function correctIndicatedPartner(
  command: CorrectIndicatedPartner,
  state: CaseState,
  today: IsoDate,
): CaseEvent[] {
  checkPartner(state, command.partnerId);
  const previous = recordedIndicatedPartner(state, command.partnerId);
  const stated = state.household?.partners.find((p) => p.partnerId === command.partnerId);
  if (previous === command.partnerId || (previous === null && stated?.wlzIndication)) {
    throw refuse(
      'wrong-state',
      'Deze partner staat al geregistreerd als de partner met de Wlz-indicatie; er valt niets te corrigeren.',
      'This partner is already recorded as the one with the Wlz-indication; there is nothing to correct.',
    );
  }
  return [
    event('IndicatedPartnerCorrected', {
      partnerId: command.partnerId,
      previousPartnerId: previous,
      reason: command.reason,
      correctedOn: today,
    }),
  ];
}

/** The years in which KOT paid for some day, up to `today`. */
export function kotYears(state: Pick<CaseState, 'kot' | 'indication'>, today: IsoDate): number[] {
  const thisYear = Number(today.slice(0, 4));
  const years = new Set<number>();
  for (const period of fundedKot(state)) {
    const first = Number(period.from.slice(0, 4));
    const last = Math.min(Number((period.to ?? today).slice(0, 4)), thisYear);
    for (let year = first; year <= last; year += 1) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** Years of KOT that ended and have no settlement yet, oldest first. */
export const yearsToSettle = (state: CaseState, today: IsoDate): number[] => {
  const thisYear = Number(today.slice(0, 4));
  return kotYears(state, today).filter(
    (year) => year < thisYear && !state.settlements.some((settled) => settled.year === year),
  );
};

function settleKot(command: SettleKot, state: CaseState, today: IsoDate): CaseEvent[] {
  if (state.settlements.some((settled) => settled.year === command.year)) {
    throw refuse(
      'wrong-state',
      `De kinderopvangtoeslag over ${command.year} is al definitief vastgesteld.`,
      `The allowance for ${command.year} was already settled definitively.`,
    );
  }
  const open = yearsToSettle(state, today);
  if (open.length === 0) {
    throw refuse(
      'wrong-state',
      'Er is geen afgelopen jaar met kinderopvangtoeslag dat nog definitief moet worden vastgesteld.',
      'There is no ended year of KOT left to settle definitively.',
    );
  }
  if (!open.includes(command.year)) {
    throw refuseInput([
      {
        field: 'year',
        reason: text(
          `over ${command.year} is geen kinderopvangtoeslag betaald, of dat jaar is nog niet voorbij`,
          `no allowance was paid for ${command.year}, or that year has not ended yet`,
        ),
      },
    ]);
  }
  return [
    event('KotSettled', {
      year: command.year,
      outcome: command.outcome,
      amountCents: command.amountCents,
      settledOn: today,
    }),
  ];
}
