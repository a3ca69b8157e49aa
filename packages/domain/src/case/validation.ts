import { isIsoDate } from '../calendar';
import { isLrkNumber, isMunicipalityCode, isValidBsn } from '../identifiers';
import { isSupporterRole, roles } from '../parties';
import { text, type Text } from '../text';
import type { CaseCommand } from './commands';
import type { Household, Child } from './household';
import type { Mandate } from './mandate';
import { maximumHoursPerMonth } from './eligibility';
import { refuseInput, type FieldProblem } from './refusal';
import {
  careTypeNames,
  closingOutcomeNames,
  indicationKindNames,
  listOfChoices,
  mandateTypeNames,
  reassessmentOutcomeNames,
  rejectionReasonNames,
  requestChannelNames,
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

/** Checks the shape and identifiers of a command before any rule runs; throws with every problem. */
export function validateCommand(command: CaseCommand): void {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: Text) => problems.push({ field, reason });
  const date = (field: string, value: unknown, optional = false) => {
    if (value === undefined && optional) return;
    if (!isIsoDate(value))
      problem(field, text('geen geldige datum (JJJJ-MM-DD)', 'not a valid date (YYYY-MM-DD)'));
  };
  const sentence = (field: string, value: unknown, minimum = 3) => {
    if (typeof value !== 'string' || value.trim().length < minimum) {
      problem(
        field,
        text(
          `geef een toelichting (minstens ${minimum} tekens)`,
          `give an explanation (at least ${minimum} characters)`,
        ),
      );
    } else if (value.length > 2000) {
      problem(field, text('te lang (maximaal 2000 tekens)', 'too long (at most 2000 characters)'));
    }
  };
  const oneOf = (field: string, value: unknown, names: Record<string, Text>) =>
    choice(problem, field, value, names);
  const range = (field: string, from: unknown, to: unknown) => {
    if (isIsoDate(from) && isIsoDate(to) && to < from) {
      problem(
        field,
        text('de einddatum ligt vóór de begindatum', 'the end date is before the start date'),
      );
    }
  };
  const mandate = (value: Mandate | undefined) => {
    if (!value || typeof value !== 'object')
      return problem('mandate', text('ontbreekt', 'is missing'));
    oneOf('mandate.type', value.type, mandateTypeNames);
    date('mandate.validFrom', value.validFrom);
    date('mandate.validUntil', value.validUntil, true);
    range('mandate.validUntil', value.validFrom, value.validUntil);
    if (value.type === 'digid-machtiging' && (!value.partnerIds || value.partnerIds.length === 0)) {
      problem(
        'mandate.partnerIds',
        text(
          'noem de partners die een DigiD-machtiging gaven',
          'name the partners who gave a DigiD mandate',
        ),
      );
    }
  };

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
      validateHousehold(command.household, problem);
      validateChildren(command.children, problem);
      date('smiPeriod.from', command.smiPeriod?.from);
      date('smiPeriod.to', command.smiPeriod?.to);
      range('smiPeriod.to', command.smiPeriod?.from, command.smiPeriod?.to);
      date('referredOn', command.referredOn, true);
      break;
    case 'CheckEligibility':
      date('on', command.on, true);
      break;
    case 'OfferCase':
      if (
        !command.to ||
        typeof command.to.organisation !== 'string' ||
        command.to.organisation.length === 0
      ) {
        problem('to.organisation', text('kies een organisatie', 'choose an organisation'));
      }
      if (
        !command.to ||
        !(roles as readonly string[]).includes(command.to.role) ||
        !isSupporterRole(command.to.role)
      ) {
        problem('to.role', text('kies de rol van een ondersteuner', 'choose a supporter role'));
      }
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
      oneOf('kind', command.kind, indicationKindNames);
      date('validFrom', command.validFrom);
      date('validTo', command.validTo, true);
      range('validTo', command.validFrom, command.validTo);
      if (command.kind === 'temporary' && command.validTo === undefined) {
        problem(
          'validTo',
          text(
            'een tijdelijke indicatie heeft een einddatum',
            'a temporary indication has an end date',
          ),
        );
      }
      break;
    case 'ReportWlzIndicationNotFound':
      sentence('reason', command.reason);
      break;
    case 'ReassessWlzIndication':
      oneOf('outcome', command.outcome, reassessmentOutcomeNames);
      if (command.outcome === 'extended') {
        oneOf('kind', command.kind, indicationKindNames);
        date('validTo', command.validTo, command.kind === 'permanent');
        if (command.kind === 'temporary' && command.validTo === undefined) {
          problem(
            'validTo',
            text(
              'een tijdelijke indicatie heeft een einddatum',
              'a temporary indication has an end date',
            ),
          );
        }
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
      sentence('grounds', command.grounds, 10);
      date('filedOn', command.filedOn, true);
      break;
    case 'DecideObjection':
      if (typeof command.upheld !== 'boolean')
        problem('upheld', text('gegrond of ongegrond', 'upheld or not'));
      sentence('explanation', command.explanation);
      date('grantedFrom', command.grantedFrom, true);
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
      break;
  }
  if (problems.length > 0) throw refuseInput(problems);
}

function validateHousehold(
  household: Household | undefined,
  problem: (field: string, reason: Text) => void,
) {
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
  const ids = new Set<string>();
  household.partners.forEach((partner, i) => {
    const at = `household.partners[${i}]`;
    if (!partner || typeof partner !== 'object')
      return problem(at, text('ontbreekt', 'is missing'));
    if (!partner.partnerId || ids.has(partner.partnerId))
      problem(`${at}.partnerId`, text('ontbreekt of is dubbel', 'missing or duplicate'));
    ids.add(partner.partnerId);
    if (typeof partner.name !== 'string' || partner.name.trim().length < 2)
      problem(`${at}.name`, text('vul de naam in', 'fill in the name'));
    if (!isValidBsn(partner.bsn))
      problem(
        `${at}.bsn`,
        text('geen geldig BSN (9 cijfers, elfproef)', 'not a valid BSN (9 digits, 11-proof)'),
      );
    if (!isIsoDate(partner.birthDate))
      problem(`${at}.birthDate`, text('geen geldige datum', 'not a valid date'));
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
      if (indication.validFrom !== undefined && !isIsoDate(indication.validFrom))
        problem(`${at}.wlzIndication.validFrom`, text('geen geldige datum', 'not a valid date'));
      if (indication.validTo !== undefined && !isIsoDate(indication.validTo))
        problem(`${at}.wlzIndication.validTo`, text('geen geldige datum', 'not a valid date'));
    }
  });
}

function validateChildren(
  children: Child[] | undefined,
  problem: (field: string, reason: Text) => void,
) {
  if (!Array.isArray(children) || children.length === 0) {
    problem('children', text('noem ten minste één kind', 'name at least one child'));
    return;
  }
  const ids = new Set<string>();
  children.forEach((child, i) => {
    const at = `children[${i}]`;
    if (!child || typeof child !== 'object') return problem(at, text('ontbreekt', 'is missing'));
    if (!child.childId || ids.has(child.childId))
      problem(`${at}.childId`, text('ontbreekt of is dubbel', 'missing or duplicate'));
    ids.add(child.childId);
    if (typeof child.name !== 'string' || child.name.trim().length < 2)
      problem(`${at}.name`, text('vul de naam in', 'fill in the name'));
    if (!isValidBsn(child.bsn))
      problem(
        `${at}.bsn`,
        text('geen geldig BSN (9 cijfers, elfproef)', 'not a valid BSN (9 digits, 11-proof)'),
      );
    if (!isIsoDate(child.birthDate))
      problem(`${at}.birthDate`, text('geen geldige datum', 'not a valid date'));
    if (typeof child.livesAtHome !== 'boolean')
      problem(`${at}.livesAtHome`, text('ja of nee', 'yes or no'));
    const care = child.childcare;
    if (care === undefined) {
      problem(
        `${at}.childcare`,
        text('geef de kinderopvang op, of geen', 'give the childcare, or none'),
      );
    } else if (care !== null) {
      if (!isLrkNumber(care.lrkNumber))
        problem(
          `${at}.childcare.lrkNumber`,
          text('een LRK-nummer bestaat uit 6 tot 12 cijfers', 'an LRK number has 6 to 12 digits'),
        );
      choice(problem, `${at}.childcare.careType`, care.careType, careTypeNames);
      if (
        !Number.isInteger(care.hoursPerMonth) ||
        care.hoursPerMonth <= 0 ||
        care.hoursPerMonth > 744
      ) {
        problem(
          `${at}.childcare.hoursPerMonth`,
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
          `${at}.childcare.hourlyRateCents`,
          text('uurtarief in centen, groter dan 0', 'hourly rate in cents, above 0'),
        );
      }
    }
  });
}
