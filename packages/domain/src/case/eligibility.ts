import { firstOfMonth, maxDate, minDate, type IsoDate } from '../calendar';
import { text, type Text } from '../text';
import {
  countsAsWork,
  type Child,
  type Household,
  type IndicationKind,
  type WlzIndication,
} from './household';
import { isLrkNumber } from '../identifiers';
import { circumstancesOn } from './householdChanges';
import type { CaseState } from './state';

/** The extension took effect for permanent indications on 2021-01-01, for temporary ones on 2023-01-01. */
export const indicationCountsFrom: Record<IndicationKind, IsoDate> = {
  permanent: '2021-01-01',
  temporary: '2023-01-01',
};

/** KOT pays for at most this many hours of childcare per child per month. */
export const maximumHoursPerMonth = 230;

export type Verdict = 'yes' | 'no' | 'unknown';

export const conditionCodes = [
  'partner-pair',
  'one-indicated-partner',
  'indication-counts',
  'partner-works',
  'registered-childcare',
] as const;
export type ConditionCode = (typeof conditionCodes)[number];

export interface Condition {
  code: ConditionCode;
  /** null: not known yet. */
  met: boolean | null;
  explanation: Text;
}

export interface Eligibility {
  verdict: Verdict;
  on: IsoDate;
  conditions: Condition[];
  /** What the family can do instead when the answer is no (or not yet yes). */
  alternative: Text | null;
  /** Things to know that do not change the verdict (e.g. hours above the maximum). */
  notes: Text[];
}

export interface EligibilityFacts {
  household: Household;
  children: Child[];
  /** The indication shown by CIZ or a copy of its decision; overrides what the referrer stated. */
  confirmedIndication?: {
    partnerId: string;
    kind: IndicationKind;
    validFrom: IsoDate;
    validTo?: IsoDate;
  } | null;
  /**
   * CIZ reported the indication not found and no copy of its decision has come yet: what the
   * referrer stated no longer counts as evidence.
   */
  indicationNotFound?: boolean;
  /**
   * A recorded fact about who holds the indication was corrected on this day and not checked yet:
   * what rests on it is unknown, never a no.
   */
  uncheckedCorrectionOn?: IsoDate | null;
}

/** The conditions a correction of the indicated partner puts in doubt until CIZ checks it. */
const correctedConditions: readonly ConditionCode[] = [
  'one-indicated-partner',
  'indication-counts',
  'partner-works',
];

const stayOnSmi = text(
  'Het gezin blijft aangewezen op de SMI-vergoeding van de gemeente; vraag verlenging tijdig aan.',
  "The family stays on the municipality's SMI contribution; request an extension in time.",
);

function indicatedPartners(household: Household) {
  return household.partners.filter((partner) => partner.wlzIndication != null);
}

function indicationCondition(
  indication: WlzIndication | undefined,
  notFound: boolean,
  on: IsoDate,
): Condition {
  const code = 'indication-counts';
  if (notFound) {
    return {
      code,
      met: null,
      explanation: text(
        'De Wlz-indicatie is niet gevonden in de gegevens van CIZ; dat blijft onbekend tot er een kopie van het CIZ-besluit is.',
        "The Wlz-indication was not found in CIZ's data; it stays unknown until a copy of CIZ's decision is received.",
      ),
    };
  }
  if (!indication || indication.kind === 'unknown') {
    return {
      code,
      met: null,
      explanation: text(
        'Onbekend of de Wlz-indicatie permanent of tijdelijk is; Dienst Toeslagen zoekt dit op in de gegevens van CIZ.',
        "Not known whether the Wlz-indication is permanent or temporary; Dienst Toeslagen looks it up in CIZ's data.",
      ),
    };
  }
  if (indication.kind === 'temporary' && !indication.validTo) {
    // A temporary indication always ends; without its end date it cannot count as valid forever.
    return {
      code,
      met: null,
      explanation: text(
        'De Wlz-indicatie is tijdelijk, maar de einddatum is niet bekend; die staat in het indicatiebesluit van CIZ.',
        "The Wlz-indication is temporary, but its end date is not known; CIZ's indication decision names it.",
      ),
    };
  }
  const from = indicationCountsFrom[indication.kind];
  const kindNl = indication.kind === 'permanent' ? 'permanente' : 'tijdelijke';
  if (on < from) {
    return {
      code,
      met: false,
      explanation: text(
        `Een ${kindNl} Wlz-indicatie telt pas mee vanaf ${from}.`,
        `A ${indication.kind} Wlz-indication only counts from ${from}.`,
      ),
    };
  }
  if (
    (indication.validFrom && on < indication.validFrom) ||
    (indication.validTo && on > indication.validTo)
  ) {
    return {
      code,
      met: false,
      explanation: text(
        `De Wlz-indicatie is niet geldig op ${on} (geldig ${indication.validFrom ?? '…'} t/m ${indication.validTo ?? '…'}).`,
        `The Wlz-indication is not valid on ${on} (valid ${indication.validFrom ?? '…'} to ${indication.validTo ?? '…'}).`,
      ),
    };
  }
  return {
    code,
    met: true,
    explanation: text(
      `Een ${kindNl} Wlz-indicatie telt mee.`,
      `A ${indication.kind} Wlz-indication counts.`,
    ),
  };
}

export function assessEligibility(facts: EligibilityFacts, on: IsoDate): Eligibility {
  const { household, children } = facts;
  const conditions: Condition[] = [];
  const notes: Text[] = [];
  const alternatives: Text[] = [];

  const isPair = household.composition === 'partners' && household.partners.length === 2;
  conditions.push({
    code: 'partner-pair',
    met: isPair,
    explanation: isPair
      ? text('Er zijn twee partners.', 'There are two partners.')
      : text(
          'Een alleenstaande ouder met een Wlz-indicatie heeft via deze regeling geen recht op kinderopvangtoeslag.',
          'A single parent with a Wlz-indication cannot get the childcare allowance through this route.',
        ),
  });
  if (!isPair) alternatives.push(stayOnSmi);

  if (isPair) {
    const confirmed = facts.confirmedIndication ?? null;
    // The partners with an indication: those the referrer named, and the one CIZ confirmed. A
    // confirmation for one partner does not show the other has none.
    const indicatedIds = new Set(indicatedPartners(household).map((partner) => partner.partnerId));
    if (confirmed) indicatedIds.add(confirmed.partnerId);
    const exactlyOne = indicatedIds.size === 1;
    conditions.push({
      code: 'one-indicated-partner',
      met: exactlyOne,
      explanation: exactlyOne
        ? text(
            'Precies één partner heeft een Wlz-indicatie.',
            'Exactly one partner has a Wlz-indication.',
          )
        : indicatedIds.size === 0
          ? text(
              'Geen van beide partners heeft een Wlz-indicatie.',
              'Neither partner has a Wlz-indication.',
            )
          : text(
              'Beide partners hebben een Wlz-indicatie; dan bestaat er geen recht via deze regeling.',
              'Both partners have a Wlz-indication; this route does not apply then.',
            ),
    });
    if (!exactlyOne) {
      // A clear no: which indication counts and whether the other partner works do not matter
      // then, so they are not reported as unknown beside it.
      alternatives.push(stayOnSmi);
    } else {
      const [indicatedId] = [...indicatedIds];
      const indicatedPartner = household.partners.find((p) => p.partnerId === indicatedId);
      const indication: WlzIndication | undefined =
        confirmed ?? indicatedPartner?.wlzIndication ?? undefined;
      const indicationResult = indicationCondition(
        indication,
        !confirmed && facts.indicationNotFound === true,
        on,
      );
      conditions.push(indicationResult);
      if (indicationResult.met === false) alternatives.push(stayOnSmi);

      const other = household.partners.find((partner) => partner !== indicatedPartner);
      const works =
        !other || other.workStatus === 'unknown' ? null : countsAsWork(other.workStatus);
      conditions.push({
        code: 'partner-works',
        met: works,
        explanation:
          works === null
            ? text(
                'Onbekend of de andere partner werkt of een traject naar werk volgt.',
                'Not known whether the other partner works or follows a route to work.',
              )
            : works
              ? text(
                  'De andere partner werkt of volgt een traject naar werk.',
                  'The other partner works or follows a route to work.',
                )
              : text(
                  'De andere partner werkt niet en volgt geen traject naar werk (vrijwilligerswerk en dagbesteding tellen niet).',
                  'The other partner neither works nor follows a route to work (volunteering and day activities do not count).',
                ),
      });
      if (works === false) {
        alternatives.push(
          text(
            'Het gezin blijft op SMI; zodra de partner werkt of een traject naar werk volgt, kan kinderopvangtoeslag alsnog.',
            'The family stays on SMI; once the partner works or starts a route to work, KOT becomes possible.',
          ),
        );
      }
    }
  }

  const placed = children.filter(
    (child) =>
      child.livesAtHome &&
      child.childcare != null &&
      isLrkNumber(child.childcare.lrkNumber) &&
      child.childcare.hourlyRateCents > 0 &&
      child.childcare.hoursPerMonth > 0,
  );
  const registered = placed.length > 0;
  conditions.push({
    code: 'registered-childcare',
    met: registered,
    explanation: registered
      ? text(
          'Er is een thuiswonend kind in betaalde, geregistreerde kinderopvang (LRK).',
          'A child living at home attends paid childcare registered in the LRK.',
        )
      : text(
          'Geen thuiswonend kind in betaalde kinderopvang die in het Landelijk Register Kinderopvang staat.',
          'No child living at home attends paid childcare registered in the national childcare register (LRK).',
        ),
  });
  if (!registered) {
    alternatives.push(
      text(
        'Kies een kinderopvanglocatie die in het LRK staat; alleen die komt in aanmerking.',
        'Choose a childcare location listed in the LRK; only those qualify.',
      ),
    );
  }
  for (const child of placed) {
    const hours = child.childcare?.hoursPerMonth ?? 0;
    if (hours > maximumHoursPerMonth) {
      notes.push(
        text(
          `Voor kind ${child.childId} telt maximaal ${maximumHoursPerMonth} van de ${hours} uur per maand mee; de rest betaalt het gezin zelf.`,
          `For child ${child.childId} at most ${maximumHoursPerMonth} of ${hours} hours a month count; the family pays the rest.`,
        ),
      );
    }
  }

  const correctedOn = facts.uncheckedCorrectionOn ?? null;
  if (correctedOn !== null) {
    for (const [i, condition] of conditions.entries()) {
      if (!correctedConditions.includes(condition.code) || condition.met === null) continue;
      conditions[i] = {
        code: condition.code,
        met: null,
        explanation: text(
          `Op ${correctedOn} is gecorrigeerd welke partner de Wlz-indicatie heeft; dit is onbekend tot Dienst Toeslagen de indicatie van die partner in de gegevens van CIZ bevestigt.`,
          `On ${correctedOn} the record of which partner holds the Wlz-indication was corrected; this is unknown until Dienst Toeslagen confirms that partner's indication in CIZ's data.`,
        ),
      };
    }
  }

  const verdict: Verdict = conditions.some((c) => c.met === false)
    ? 'no'
    : conditions.some((c) => c.met === null)
      ? 'unknown'
      : 'yes';
  return {
    verdict,
    on,
    conditions,
    alternative: verdict === 'yes' ? null : (alternatives[0] ?? stayOnSmi),
    notes,
  };
}

/** The check on `on`, on the circumstances of that day: changes count from their effective date. */
export function eligibility(state: CaseState, on: IsoDate): Eligibility {
  if (!state.household) throw new Error('eligibility needs an opened case');
  const circumstances = circumstancesOn(state, on);
  const unchecked = state.corrections.find((correction) => correction.checkedOn === undefined);
  return assessEligibility(
    {
      household: circumstances.household,
      children: circumstances.children,
      confirmedIndication: circumstances.indication,
      indicationNotFound: state.indication === null && state.indicationNotFoundOn !== null,
      uncheckedCorrectionOn: unchecked?.correctedOn ?? null,
    },
    on,
  );
}

/**
 * The day that counts as the application for the allowance's reach back: the day the family (or
 * someone for it) asked Toeslagen through the Wlz route — the call, or for a letter the day the
 * desk registered it — once Toeslagen registered that request. The call starts the application;
 * the forms that follow complete it (seed 000, steps 7-11; seed 001, "Aanvraagproces"). Without a
 * registered request, the receipt of the forms. See the domain README ("application date").
 */
export function applicationDate(
  state: Pick<CaseState, 'request' | 'wlzRequestRegisteredOn' | 'application'>,
): IsoDate | null {
  const registered = state.wlzRequestRegisteredOn;
  if (state.request && registered !== null) {
    return state.request.channel === 'phone'
      ? minDate(state.request.requestedOn, registered)
      : registered;
  }
  return state.application?.receivedOn ?? null;
}

/**
 * The earliest day KOT can start for an application made on `applicationDate`: the first day of the
 * month three months before the application month, and never before the indication counts.
 */
export function earliestKotStart(
  applicationDate: IsoDate,
  indication?: { kind: IndicationKind; validFrom: IsoDate } | null,
): IsoDate {
  const byApplication = firstOfMonth(applicationDate, -3);
  if (!indication) return byApplication;
  return maxDate(
    byApplication,
    maxDate(indicationCountsFrom[indication.kind], indication.validFrom),
  );
}
