import { isIsoDate, type IsoDate } from '../calendar';
import { isLrkNumber, isMunicipalityCode, isValidBsn } from '../identifiers';
import { isSupporterRole, roles, type PartyRef } from '../parties';
import { text, type Text } from '../text';
import type { CaseCommand, RecordHouseholdChange } from './commands';
import type { Household, Child, Childcare } from './household';
import { courtMandateTypes, type Mandate } from './mandate';
import { maximumHoursPerMonth } from './eligibility';
import {
  childAge,
  earliestDate,
  latestDate,
  maximumChildren,
  parentAge,
  textLimits,
  yearsBefore,
} from './inputLimits';
import { refuseInput, type FieldProblem } from './refusal';
import {
  careTypeNames,
  closingOutcomeNames,
  erasureGroundNames,
  householdChangeKindNames,
  indicationKindNames,
  listOfChoices,
  mandateTypeNames,
  courtOutcomeNames,
  letterChannelNames,
  reassessmentOutcomeNames,
  rejectionReasonNames,
  requestChannelNames,
  settlementOutcomeNames,
  workStatusNames,
} from './valueNames';

/** A choice is one of the codes of `names`; a wrong one is answered with the options in words. */
function choice(
  problem: (field: string, reason: Text) => void,
  field: string,
  value: unknown,
  names: Record<string, Text>,
): void {
  if (typeof value === 'string' && Object.hasOwn(names, value)) return;
  const options = listOfChoices(names);
  problem(field, text(`kies ${options.nl}`, `choose ${options.en}`));
}

/** The shortest reason accepted for ending SMI into a funding gap: screens hint and check with it. */
export const minimumGapReasonLength = 10;

/** What the checks need to know beyond the command itself. */
export interface ValidationContext {
  /** Today in Europe/Amsterdam: birth dates are held to it. Without it ages are not checked. */
  today?: IsoDate;
  /**
   * The organisation directory: whether a case may be offered to this organisation. Without it
   * any well-formed organisation code is accepted (the domain's own tests, tools).
   */
  isKnownOrganisation?: (organisation: string) => boolean;
}

type Problem = (field: string, reason: Text) => void;

const tooLong = (maximum: number) =>
  text(`te lang (hoogstens ${maximum} tekens)`, `too long (at most ${maximum} characters)`);

/** A date that is a date, and within the years any business date can fall in. */
function checkDate(problem: Problem, field: string, value: unknown, optional = false): boolean {
  if (value === undefined && optional) return false;
  if (!isIsoDate(value)) {
    problem(field, text('geen geldige datum (JJJJ-MM-DD)', 'not a valid date (YYYY-MM-DD)'));
    return false;
  }
  if (value < earliestDate || value > latestDate) {
    problem(
      field,
      text(
        `ligt niet tussen ${earliestDate} en ${latestDate}`,
        `is not between ${earliestDate} and ${latestDate}`,
      ),
    );
    return false;
  }
  return true;
}

/** A text of at most `maximum` characters; `minimum` counts what is left after trimming. */
function checkText(
  problem: Problem,
  field: string,
  value: unknown,
  maximum: number,
  minimum = 1,
): void {
  if (typeof value !== 'string' || value.trim().length < minimum) {
    problem(
      field,
      minimum > 1
        ? text(`vul minstens ${minimum} tekens in`, `fill in at least ${minimum} characters`)
        : text('vul dit in', 'fill this in'),
    );
  } else if (value.length > maximum) {
    problem(field, tooLong(maximum));
  }
}

/** An end on or after the start, when both are dates. */
function checkPeriod(problem: Problem, field: string, from: unknown, to: unknown): void {
  if (isIsoDate(from) && isIsoDate(to) && to < from) {
    problem(
      field,
      text('de einddatum ligt vóór de begindatum', 'the end date is before the start date'),
    );
  }
}

/** Checks the shape and identifiers of a command before any rule runs; throws with every problem. */
export function validateCommand(command: CaseCommand, context: ValidationContext = {}): void {
  const problems: FieldProblem[] = [];
  const problem: Problem = (field, reason) => problems.push({ field, reason });
  const date = (field: string, value: unknown, optional = false) =>
    checkDate(problem, field, value, optional);
  const sentence = (field: string, value: unknown, minimum = 3) => {
    if (typeof value !== 'string' || value.trim().length < minimum) {
      problem(
        field,
        text(
          `geef een toelichting (minstens ${minimum} tekens)`,
          `give an explanation (at least ${minimum} characters)`,
        ),
      );
    } else if (value.length > textLimits.sentence) {
      problem(field, tooLong(textLimits.sentence));
    }
  };
  const note = (field: string, value: unknown) => {
    if (value === undefined) return;
    if (typeof value !== 'string') problem(field, text('verwacht tekst', 'expected text'));
    else if (value.length > textLimits.sentence) problem(field, tooLong(textLimits.sentence));
  };
  /** A temporary indication always ends: CIZ's decision names the day. */
  const temporaryHasEnd = (kind: unknown, validTo: unknown) => {
    if (kind === 'temporary' && validTo === undefined) {
      problem(
        'validTo',
        text(
          'een tijdelijke indicatie heeft een einddatum',
          'a temporary indication has an end date',
        ),
      );
    }
  };
  const oneOf = (field: string, value: unknown, names: Record<string, Text>) =>
    choice(problem, field, value, names);
  const range = (field: string, from: unknown, to: unknown) =>
    checkPeriod(problem, field, from, to);
  const reference = (field: string, value: unknown, optional = false) => {
    if (value === undefined && optional) return;
    checkText(problem, field, value, textLimits.reference);
  };
  const mandate = (value: Mandate | undefined) => {
    if (!value || typeof value !== 'object')
      return problem('mandate', text('ontbreekt', 'is missing'));
    oneOf('mandate.type', value.type, mandateTypeNames);
    date('mandate.validFrom', value.validFrom);
    date('mandate.validUntil', value.validUntil, true);
    range('mandate.validUntil', value.validFrom, value.validUntil);
    if (value.reference !== undefined)
      checkText(problem, 'mandate.reference', value.reference, textLimits.name);
    if (Array.isArray(value.partnerIds)) {
      if (value.partnerIds.length > 2)
        problem('mandate.partnerIds', text('hoogstens twee ouders', 'at most two parents'));
      else value.partnerIds.forEach((id, i) => reference(`mandate.partnerIds[${i}]`, id));
    }
    if (Array.isArray(value.consentOf)) {
      if (value.consentOf.length > 2)
        problem('mandate.consentOf', text('hoogstens twee ouders', 'at most two parents'));
      else value.consentOf.forEach((id, i) => reference(`mandate.consentOf[${i}]`, id));
      if (!courtMandateTypes.includes(value.type))
        problem(
          'mandate.consentOf',
          text(
            'alleen naast een maatregel van de rechtbank; bij een machtiging of volmacht geeft elke ouder die zelf',
            'only beside a measure of the court; a machtiging or volmacht each parent gives themselves',
          ),
        );
    }
    const personal = value.type === 'digid-machtiging' || value.type === 'written-volmacht';
    if (personal && (!value.partnerIds || value.partnerIds.length === 0)) {
      problem(
        'mandate.partnerIds',
        text(
          'noem de ouders die de machtiging of volmacht gaven',
          'name the parents who gave the mandate or power of attorney',
        ),
      );
    }
    if (courtMandateTypes.includes(value.type)) {
      if (!value.partnerIds || value.partnerIds.length === 0)
        problem(
          'mandate.partnerIds',
          text(
            'noem de ouders die de rechtbank onder de maatregel plaatste',
            'name the parents the court placed under the measure',
          ),
        );
      if (value.reference === undefined || value.reference.trim() === '')
        problem(
          'mandate.reference',
          text(
            'noem het kenmerk (zaaknummer) van de beschikking van de rechtbank',
            "give the reference (case number) of the court's ruling",
          ),
        );
    }
  };
  const partnerOf = (value: unknown) => reference('partnerId', value);

  if (typeof command.caseId !== 'string' || !/^[0-9a-f-]{36}$/i.test(command.caseId)) {
    problem('caseId', text('geen geldig zaaknummer', 'not a valid case id'));
  }
  switch (command.type) {
    case 'OpenReferral':
      if (!isMunicipalityCode(command.municipality)) {
        problem(
          'municipality',
          text(
            'een CBS-gemeentecode is GM gevolgd door vier cijfers',
            'a CBS municipality code is GM followed by four digits',
          ),
        );
      }
      validateHousehold(command.household, problem, context.today);
      validateChildren(command.children, problem, context.today);
      refuseSharedBsns(command.household, command.children, problem);
      date('smiPeriod.from', command.smiPeriod?.from);
      date('smiPeriod.to', command.smiPeriod?.to);
      range('smiPeriod.to', command.smiPeriod?.from, command.smiPeriod?.to);
      date('referredOn', command.referredOn, true);
      break;
    case 'SignalFamily':
      if (!isMunicipalityCode(command.municipality)) {
        problem(
          'municipality',
          text(
            'een CBS-gemeentecode is GM gevolgd door vier cijfers',
            'a CBS municipality code is GM followed by four digits',
          ),
        );
      }
      validateHousehold(command.household, problem, context.today);
      validateChildren(command.children, problem, context.today);
      refuseSharedBsns(command.household, command.children, problem);
      date('signalledOn', command.signalledOn, true);
      break;
    case 'CheckEligibility':
      date('on', command.on, true);
      break;
    case 'OfferCase':
      validateOfferedParty(command.to, problem, context);
      note('note', command.note);
      break;
    case 'DeclineOffer':
    case 'ReleaseClaim':
    case 'WithdrawCase':
      sentence('reason', command.reason);
      break;
    case 'ClaimCase':
    case 'RecordMandate':
      mandate(command.mandate);
      break;
    case 'RequestKot':
      oneOf('channel', command.channel, requestChannelNames);
      date('requestedOn', command.requestedOn, true);
      date('callbackExpectedOn', command.callbackExpectedOn, true);
      if (command.applyAnywayReason !== undefined)
        sentence('applyAnywayReason', command.applyAnywayReason, minimumGapReasonLength);
      break;
    case 'RegisterWlzRequest':
      date('registeredOn', command.registeredOn, true);
      break;
    case 'ConfirmWlzIndication':
    case 'SubmitCizDecisionCopy':
      partnerOf(command.partnerId);
      oneOf('kind', command.kind, indicationKindNames);
      date('validFrom', command.validFrom);
      date('validTo', command.validTo, true);
      range('validTo', command.validFrom, command.validTo);
      temporaryHasEnd(command.kind, command.validTo);
      break;
    case 'ReportWlzIndicationNotFound':
      partnerOf(command.partnerId);
      sentence('reason', command.reason);
      break;
    case 'ReassessWlzIndication':
      oneOf('outcome', command.outcome, reassessmentOutcomeNames);
      if (command.outcome === 'extended') {
        oneOf('kind', command.kind, indicationKindNames);
        date('validTo', command.validTo, command.kind === 'permanent');
        temporaryHasEnd(command.kind, command.validTo);
      }
      break;
    case 'SendApplicationForms':
      date('sentOn', command.sentOn, true);
      break;
    case 'SubmitApplication':
      date('requestedStart', command.requestedStart);
      date('submittedOn', command.submittedOn, true);
      if (command.signedByBothPartners !== true) {
        problem(
          'signedByBothPartners',
          text(
            'beide partners moeten de aanvraag ondertekenen',
            'both partners must sign the application',
          ),
        );
      }
      break;
    case 'RecordApplicationReceived':
      date('receivedOn', command.receivedOn, true);
      break;
    case 'GrantKot':
      date('grantedFrom', command.grantedFrom);
      date('decidedOn', command.decidedOn, true);
      break;
    case 'RejectKot':
      oneOf('reason', command.reason, rejectionReasonNames);
      sentence('explanation', command.explanation);
      date('decidedOn', command.decidedOn, true);
      break;
    case 'ChangeKot':
      date('changedFrom', command.changedFrom);
      sentence('reason', command.reason);
      break;
    case 'StopKot':
      date('stoppedFrom', command.stoppedFrom);
      sentence('reason', command.reason);
      if (typeof command.setToZero !== 'boolean')
        problem('setToZero', text('ja of nee', 'yes or no'));
      break;
    case 'FileObjection':
    case 'FileAppeal':
      sentence('grounds', command.grounds, 10);
      date('filedOn', command.filedOn, true);
      if (command.lateReason !== undefined) sentence('lateReason', command.lateReason, 10);
      break;
    case 'DecideObjection':
      if (typeof command.upheld !== 'boolean')
        problem('upheld', text('gegrond of ongegrond', 'upheld or not'));
      if (command.lateExcused !== undefined && typeof command.lateExcused !== 'boolean')
        problem('lateExcused', text('ja of nee', 'yes or no'));
      sentence('explanation', command.explanation);
      date('grantedFrom', command.grantedFrom, true);
      break;
    case 'RecordCourtRuling':
      oneOf('outcome', command.outcome, courtOutcomeNames);
      sentence('explanation', command.explanation);
      date('grantedFrom', command.grantedFrom, true);
      date('ruledOn', command.ruledOn, true);
      break;
    case 'ConfirmDecisionReceived':
      oneOf('channel', command.channel, letterChannelNames);
      date('receivedOn', command.receivedOn, true);
      break;
    case 'ExtendSmi':
      date('until', command.until);
      break;
    case 'EndSmi':
      date('lastDay', command.lastDay);
      if (command.acceptGapReason !== undefined)
        sentence('acceptGapReason', command.acceptGapReason, minimumGapReasonLength);
      break;
    case 'ReinstateSmi':
      date('from', command.from);
      date('until', command.until);
      range('until', command.from, command.until);
      break;
    case 'AcceptFundingGap':
      date('from', command.from);
      date('to', command.to, true);
      range('to', command.from, command.to);
      sentence('reason', command.reason, 10);
      break;
    case 'CloseCase':
      oneOf('outcome', command.outcome, closingOutcomeNames);
      note('note', command.note);
      break;
    case 'ErasePersonalData':
      oneOf('ground', command.ground, erasureGroundNames);
      reference('reference', command.reference, true);
      break;
    case 'RecordHouseholdChange':
      date('effectiveFrom', command.effectiveFrom);
      oneOf('changeKind', command.changeKind, householdChangeKindNames);
      validateChange(command, problem, context.today);
      break;
    case 'PassChangeToToeslagen':
    case 'RecordChangeProcessed':
      reference('changeId', command.changeId);
      break;
    case 'CorrectIndicatedPartner':
      partnerOf(command.partnerId);
      sentence('reason', command.reason, 10);
      break;
    case 'SettleKot':
      if (!Number.isInteger(command.year) || command.year < 2021 || command.year > 2100)
        problem('year', text('een jaar vanaf 2021', 'a year from 2021'));
      oneOf('outcome', command.outcome, settlementOutcomeNames);
      if (
        !Number.isInteger(command.amountCents) ||
        command.amountCents < 0 ||
        command.amountCents > 10_000_000
      )
        problem(
          'amountCents',
          text('een bedrag in centen, 0 of meer', 'an amount in cents, 0 or more'),
        );
      else if ((command.outcome === 'no-difference') !== (command.amountCents === 0))
        problem(
          'amountCents',
          text(
            'geen verschil hoort bij een bedrag van 0, een nabetaling of terugvordering bij meer dan 0',
            'no difference goes with an amount of 0, an additional payment or reclaim with more than 0',
          ),
        );
      break;
  }
  if (problems.length > 0) throw refuseInput(problems);
}

/** The organisation and role a case is offered to: a supporter in the organisation directory. */
function validateOfferedParty(
  to: PartyRef | undefined,
  problem: Problem,
  context: ValidationContext,
): void {
  const organisation = to?.organisation;
  if (typeof organisation !== 'string' || organisation.trim().length === 0) {
    problem('to.organisation', text('kies een organisatie', 'choose an organisation'));
  } else if (organisation.length > textLimits.organisation) {
    problem('to.organisation', tooLong(textLimits.organisation));
  } else if (context.isKnownOrganisation && !context.isKnownOrganisation(organisation)) {
    problem(
      'to.organisation',
      text(
        'deze organisatie staat niet in de organisatielijst van het platform',
        "this organisation is not in the platform's organisation directory",
      ),
    );
  }
  if (!to || !(roles as readonly string[]).includes(to.role) || !isSupporterRole(to.role)) {
    problem('to.role', text('kies de rol van een ondersteuner', 'choose a supporter role'));
  }
  if (to?.personId !== undefined)
    checkText(problem, 'to.personId', to.personId, textLimits.reference);
  if (to?.name !== undefined) checkText(problem, 'to.name', to.name, textLimits.name);
}

/**
 * A birth date that is a date, not after today and within the ages given (in whole years on
 * today). Without today only the date itself is checked.
 */
function checkBirthDate(
  problem: Problem,
  field: string,
  value: unknown,
  today: IsoDate | undefined,
  ages: { youngest?: number; oldest: number },
  who: { nl: string; en: string },
): void {
  if (!checkDate(problem, field, value) || today === undefined) return;
  const birthDate = value as IsoDate;
  if (birthDate > today) {
    problem(field, text('ligt in de toekomst', 'is in the future'));
  } else if (birthDate <= yearsBefore(today, ages.oldest + 1)) {
    problem(
      field,
      text(
        `${who.nl} is hoogstens ${ages.oldest} jaar oud`,
        `${who.en} is at most ${ages.oldest} years old`,
      ),
    );
  } else if (ages.youngest !== undefined && birthDate > yearsBefore(today, ages.youngest)) {
    problem(
      field,
      text(
        `${who.nl} is minstens ${ages.youngest} jaar oud`,
        `${who.en} is at least ${ages.youngest} years old`,
      ),
    );
  }
}

function validateHousehold(household: Household | undefined, problem: Problem, today?: IsoDate) {
  if (!household || !Array.isArray(household.partners)) {
    problem('household', text('ontbreekt', 'is missing'));
    return;
  }
  const expected =
    household.composition === 'partners' ? 2 : household.composition === 'single-parent' ? 1 : -1;
  if (expected === -1)
    problem(
      'household.composition',
      text('kies partners of alleenstaande ouder', 'choose partners or single parent'),
    );
  else if (household.partners.length !== expected) {
    problem(
      'household.partners',
      text(
        `verwacht ${expected} ouder(s), gekregen ${household.partners.length}`,
        `expected ${expected} parent(s), got ${household.partners.length}`,
      ),
    );
  }
  // More than two parents is refused above; their fields are not worth reading.
  if (household.partners.length > 2) return;
  const ids = new Set<string>();
  household.partners.forEach((partner, i) => {
    const at = `household.partners[${i}]`;
    if (!partner || typeof partner !== 'object')
      return problem(at, text('ontbreekt', 'is missing'));
    if (typeof partner.partnerId !== 'string' || ids.has(partner.partnerId))
      problem(`${at}.partnerId`, text('ontbreekt of is dubbel', 'missing or duplicate'));
    else checkText(problem, `${at}.partnerId`, partner.partnerId, textLimits.reference);
    ids.add(partner.partnerId);
    checkText(problem, `${at}.name`, partner.name, textLimits.name, 2);
    if (!isValidBsn(partner.bsn))
      problem(
        `${at}.bsn`,
        text('geen geldig BSN (9 cijfers, elfproef)', 'not a valid BSN (9 digits, 11-proof)'),
      );
    checkBirthDate(problem, `${at}.birthDate`, partner.birthDate, today, parentAge, {
      nl: 'een ouder',
      en: 'a parent',
    });
    choice(problem, `${at}.workStatus`, partner.workStatus, workStatusNames);
    const indication = partner.wlzIndication;
    if (indication === undefined) {
      problem(
        `${at}.wlzIndication`,
        text(
          'geef aan of deze ouder een Wlz-indicatie heeft',
          'say whether this parent has a Wlz-indication',
        ),
      );
    } else if (indication !== null) {
      if (!['permanent', 'temporary', 'unknown'].includes(indication.kind)) {
        problem(
          `${at}.wlzIndication.kind`,
          text('permanent, tijdelijk of onbekend', 'permanent, temporary or unknown'),
        );
      }
      checkDate(problem, `${at}.wlzIndication.validFrom`, indication.validFrom, true);
      checkDate(problem, `${at}.wlzIndication.validTo`, indication.validTo, true);
      checkPeriod(problem, `${at}.wlzIndication.validTo`, indication.validFrom, indication.validTo);
    }
  });
}

function validateChildren(children: Child[] | undefined, problem: Problem, today?: IsoDate) {
  if (!Array.isArray(children) || children.length === 0) {
    problem('children', text('noem ten minste één kind', 'name at least one child'));
    return;
  }
  if (children.length > maximumChildren) {
    problem(
      'children',
      text(`hoogstens ${maximumChildren} kinderen`, `at most ${maximumChildren} children`),
    );
    return;
  }
  const ids = new Set<string>();
  children.forEach((child, i) => {
    const at = `children[${i}]`;
    if (!child || typeof child !== 'object') return problem(at, text('ontbreekt', 'is missing'));
    if (typeof child.childId !== 'string' || ids.has(child.childId))
      problem(`${at}.childId`, text('ontbreekt of is dubbel', 'missing or duplicate'));
    else checkText(problem, `${at}.childId`, child.childId, textLimits.reference);
    ids.add(child.childId);
    checkText(problem, `${at}.name`, child.name, textLimits.name, 2);
    if (!isValidBsn(child.bsn))
      problem(
        `${at}.bsn`,
        text('geen geldig BSN (9 cijfers, elfproef)', 'not a valid BSN (9 digits, 11-proof)'),
      );
    checkBirthDate(problem, `${at}.birthDate`, child.birthDate, today, childAge, {
      nl: 'een kind in de kinderopvang',
      en: 'a child in childcare',
    });
    if (typeof child.livesAtHome !== 'boolean')
      problem(`${at}.livesAtHome`, text('ja of nee', 'yes or no'));
    const care = child.childcare;
    if (care === undefined) {
      problem(
        `${at}.childcare`,
        text('geef de kinderopvang op, of geen', 'give the childcare, or none'),
      );
    } else if (care !== null) {
      validateChildcare(care, `${at}.childcare`, problem);
    }
  });
}

/** The fields each kind of change needs, and only well-formed ones. */
function validateChange(command: RecordHouseholdChange, problem: Problem, today?: IsoDate): void {
  const needs = (field: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '')
      problem(field, text('vul dit in', 'fill this in'));
    else if (value.length > textLimits.reference) problem(field, tooLong(textLimits.reference));
  };
  switch (command.changeKind) {
    case 'partner-work':
      needs('partnerId', command.partnerId);
      choice(problem, 'workStatus', command.workStatus, workStatusNames);
      break;
    case 'separation':
      needs('partnerId', command.partnerId);
      break;
    case 'child-added':
      validateChildren(
        command.child ? [command.child] : undefined,
        (field, reason) => problem(field.replace(/^children(\[0\])?/, 'child'), reason),
        today,
      );
      break;
    case 'childcare':
      needs('childId', command.childId);
      if (!command.childcare || typeof command.childcare !== 'object')
        problem('childcare', text('geef de kinderopvang op', 'give the childcare'));
      else validateChildcare(command.childcare, 'childcare', problem);
      break;
    case 'childcare-ended':
      needs('childId', command.childId);
      break;
    case 'indication-changed':
      needs('partnerId', command.partnerId);
      choice(problem, 'indicationKind', command.indicationKind, indicationKindNames);
      if (command.validTo !== undefined) checkDate(problem, 'validTo', command.validTo);
      if (command.indicationKind === 'temporary' && command.validTo === undefined)
        problem(
          'validTo',
          text(
            'een tijdelijke indicatie heeft een einddatum',
            'a temporary indication has an end date',
          ),
        );
      break;
    case 'indication-ended':
      needs('partnerId', command.partnerId);
      break;
  }
}

/** A child's childcare: a registered location (LRK), its type, hours a month and hourly rate. */
function validateChildcare(care: Childcare, at: string, problem: Problem): void {
  if (!isLrkNumber(care.lrkNumber))
    problem(
      `${at}.lrkNumber`,
      text('een LRK-nummer bestaat uit 6 tot 12 cijfers', 'an LRK number has 6 to 12 digits'),
    );
  choice(problem, `${at}.careType`, care.careType, careTypeNames);
  if (
    !Number.isInteger(care.hoursPerMonth) ||
    care.hoursPerMonth <= 0 ||
    care.hoursPerMonth > 744
  ) {
    problem(
      `${at}.hoursPerMonth`,
      text(
        `een heel aantal uren per maand (KOT telt er maximaal ${maximumHoursPerMonth})`,
        `a whole number of hours a month (KOT counts at most ${maximumHoursPerMonth})`,
      ),
    );
  }
  if (
    !Number.isInteger(care.hourlyRateCents) ||
    care.hourlyRateCents <= 0 ||
    care.hourlyRateCents > 10_000
  ) {
    problem(
      `${at}.hourlyRateCents`,
      text('uurtarief in centen, groter dan 0', 'hourly rate in cents, above 0'),
    );
  }
}

/** One person, one BSN: a BSN given for two members of the household is a typing error. */
function refuseSharedBsns(
  household: Household | undefined,
  children: Child[] | undefined,
  problem: Problem,
): void {
  const members = [
    ...(Array.isArray(household?.partners) ? household.partners : []).map((partner, i) => ({
      bsn: partner?.bsn,
      at: `household.partners[${i}].bsn`,
    })),
    // Too many children is refused on its own; comparing them would only repeat that.
    ...(Array.isArray(children) && children.length <= maximumChildren ? children : []).map(
      (child, i) => ({
        bsn: child?.bsn,
        at: `children[${i}].bsn`,
      }),
    ),
  ];
  const seen = new Set<string>();
  for (const { bsn, at } of members) {
    if (typeof bsn !== 'string' || !isValidBsn(bsn)) continue;
    if (seen.has(bsn)) {
      problem(
        at,
        text(
          'dit BSN is al gegeven voor een ander lid van het huishouden',
          'this BSN was already given for another member of the household',
        ),
      );
    }
    seen.add(bsn);
  }
}
