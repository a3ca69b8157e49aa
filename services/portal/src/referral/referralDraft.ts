// The referral form's state, and what it becomes: the facts the domain's eligibility check reads
// (live, while typing) and the OpenReferral input the API takes. Field keys use the API's paths
// (household.partners[0].bsn) so a refusal from the server lands on the field it concerns.
import {
  isIsoDate,
  isLrkNumber,
  isValidBsn,
  text,
  type CareType,
  type Child,
  type EligibilityFacts,
  type Household,
  type Partner,
  type Text,
  type WorkStatus,
} from '@kot/domain';

export type IndicationChoice = 'none' | 'permanent' | 'temporary' | 'unknown';

export interface PartnerDraft {
  name: string;
  bsn: string;
  birthDate: string;
  /** '' until chosen (the signal form starts every choice empty). */
  indication: IndicationChoice | '';
  indicationFrom: string;
  workStatus: WorkStatus | '';
}

export interface ChildDraft {
  name: string;
  bsn: string;
  birthDate: string;
  livesAtHome: boolean;
  hasChildcare: boolean;
  lrkNumber: string;
  careType: CareType | '';
  hoursPerMonth: string;
  /** In euros as typed, with a comma or a point. */
  hourlyRate: string;
}

export interface ReferralDraft {
  composition: 'partners' | 'single-parent';
  partners: [PartnerDraft, PartnerDraft];
  children: ChildDraft[];
  smiFrom: string;
  smiTo: string;
  /** The family's municipality; the signal form asks it, a referral is the officer's own. */
  municipality: string;
}

export const emptyPartner = (
  indication: IndicationChoice | '',
  workStatus: WorkStatus | '' = 'unknown',
): PartnerDraft => ({
  name: '',
  bsn: '',
  birthDate: '',
  indication,
  indicationFrom: '',
  workStatus,
});

export const emptyChild = (careType: CareType | '' = 'daycare'): ChildDraft => ({
  name: '',
  bsn: '',
  birthDate: '',
  livesAtHome: true,
  hasChildcare: true,
  lrkNumber: '',
  careType,
  hoursPerMonth: '',
  hourlyRate: '',
});

export const emptyReferral = (today: string): ReferralDraft => ({
  composition: 'partners',
  partners: [emptyPartner('permanent'), emptyPartner('none')],
  children: [emptyChild()],
  smiFrom: today,
  smiTo: '',
  municipality: '',
});

export const partnerIdOf = (index: number) => `p${index + 1}`;
export const childIdOf = (index: number) => `c${index + 1}`;

export function centsOf(euros: string): number {
  const value = Number(euros.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) ? Math.round(value * 100) : NaN;
}

const activePartners = (draft: ReferralDraft) =>
  draft.composition === 'partners' ? draft.partners : [draft.partners[0]];

function partnerOf(partner: PartnerDraft, index: number): Partner {
  return {
    partnerId: partnerIdOf(index),
    name: partner.name.trim(),
    bsn: partner.bsn.trim(),
    birthDate: partner.birthDate,
    // A choice not made yet reads as an indication of unknown kind: the check then says "not known".
    wlzIndication:
      partner.indication === 'none'
        ? null
        : {
            kind: partner.indication || 'unknown',
            ...(partner.indicationFrom ? { validFrom: partner.indicationFrom } : {}),
          },
    // The indicated partner's own work does not count; the domain only reads the other partner's.
    workStatus: (partner.indication === 'none' && partner.workStatus) || 'unknown',
  };
}

function childOf(child: ChildDraft, index: number): Child {
  return {
    childId: childIdOf(index),
    name: child.name.trim(),
    bsn: child.bsn.trim(),
    birthDate: child.birthDate,
    livesAtHome: child.livesAtHome,
    childcare: child.hasChildcare
      ? {
          lrkNumber: child.lrkNumber.trim(),
          // Only the form's own check lets an unchosen type through (the live check, which ignores it).
          careType: child.careType || 'daycare',
          hoursPerMonth: Number.parseInt(child.hoursPerMonth, 10) || 0,
          hourlyRateCents: centsOf(child.hourlyRate) || 0,
        }
      : null,
  };
}

export function householdOf(draft: ReferralDraft): Household {
  return { composition: draft.composition, partners: activePartners(draft).map(partnerOf) };
}

export const factsOf = (draft: ReferralDraft): EligibilityFacts => ({
  household: householdOf(draft),
  children: draft.children.map(childOf),
});

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');

/** The OpenReferralInput for the API (its enums are upper case). */
export function inputOf(draft: ReferralDraft, municipality: string): Record<string, unknown> {
  const household = householdOf(draft);
  return {
    municipality,
    household: {
      composition: upper(household.composition),
      partners: household.partners.map((p) => ({
        partnerId: p.partnerId,
        name: p.name,
        bsn: p.bsn,
        birthDate: p.birthDate,
        workStatus: upper(p.workStatus),
        wlzIndication: p.wlzIndication
          ? {
              kind: upper(p.wlzIndication.kind),
              ...(p.wlzIndication.validFrom ? { validFrom: p.wlzIndication.validFrom } : {}),
            }
          : null,
      })),
    },
    children: draft.children.map(childOf).map((c) => ({
      ...c,
      childcare: c.childcare ? { ...c.childcare, careType: upper(c.childcare.careType) } : null,
    })),
    smiPeriod: { from: draft.smiFrom, to: draft.smiTo },
  };
}

/** The id of the control for an API field path, so an error summary can link to it. */
export const fieldIdOf = (path: string): string =>
  `referral-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

/** What must be fixed before sending, by field path; the same checks the domain makes at the edge. */
export function problemsOf(draft: ReferralDraft): Record<string, Text> {
  const problems: Record<string, Text> = {};
  const need = (path: string, ok: boolean, reason: Text) => {
    if (!ok) problems[path] = reason;
  };
  const fillName = text('Vul de naam in.', 'Fill in the name.');
  // An empty field asks to be filled in; a filled-in one says what to check, in words.
  const bsnProblem = (bsn: string): Text =>
    bsn.trim() === ''
      ? text('Vul het BSN in.', 'Fill in the BSN.')
      : text(
          'Dit BSN bestaat niet. Kijk of u alle 9 cijfers goed heeft overgenomen, bijvoorbeeld van de brief van de Belastingdienst.',
          'This BSN does not exist. Check that you copied all 9 digits correctly, for instance from a letter of the Tax Administration.',
        );
  const dateProblem = (date: string, empty: Text): Text =>
    date.trim() === '' ? empty : text('Vul een bestaande datum in.', 'Fill in a date that exists.');
  const fillBirthDate = text('Vul de geboortedatum in.', 'Fill in the date of birth.');
  activePartners(draft).forEach((p, i) => {
    const at = `household.partners[${i}]`;
    need(`${at}.name`, p.name.trim().length >= 2, fillName);
    need(`${at}.bsn`, isValidBsn(p.bsn.trim()), bsnProblem(p.bsn));
    need(`${at}.birthDate`, isIsoDate(p.birthDate), dateProblem(p.birthDate, fillBirthDate));
  });
  draft.children.forEach((c, i) => {
    const at = `children[${i}]`;
    need(`${at}.name`, c.name.trim().length >= 2, fillName);
    need(`${at}.bsn`, isValidBsn(c.bsn.trim()), bsnProblem(c.bsn));
    need(`${at}.birthDate`, isIsoDate(c.birthDate), dateProblem(c.birthDate, fillBirthDate));
    if (c.hasChildcare) {
      need(
        `${at}.childcare.lrkNumber`,
        isLrkNumber(c.lrkNumber.trim()),
        c.lrkNumber.trim() === ''
          ? text('Vul het LRK-nummer van de opvang in.', 'Fill in the LRK number of the childcare.')
          : text(
              'Een LRK-nummer (het nummer van de opvang in het Landelijk Register Kinderopvang) heeft 6 tot 12 cijfers.',
              'An LRK number (the childcare’s number in the national childcare register) has 6 to 12 digits.',
            ),
      );
      const hours = Number(c.hoursPerMonth);
      need(
        `${at}.childcare.hoursPerMonth`,
        Number.isInteger(hours) && hours > 0 && hours <= 744,
        c.hoursPerMonth.trim() === ''
          ? text('Vul het aantal uren per maand in.', 'Fill in the hours per month.')
          : text(
              'Een heel aantal uren per maand, meer dan 0.',
              'A whole number of hours a month, above 0.',
            ),
      );
      const cents = centsOf(c.hourlyRate);
      need(
        `${at}.childcare.hourlyRateCents`,
        cents > 0 && cents <= 10_000,
        c.hourlyRate.trim() === ''
          ? text('Vul het uurtarief in.', 'Fill in the hourly rate.')
          : text(
              'Een uurtarief in euro, bijvoorbeeld 9,85.',
              'An hourly rate in euros, for instance 9.85.',
            ),
      );
    }
  });
  need(
    'smiPeriod.from',
    isIsoDate(draft.smiFrom),
    dateProblem(
      draft.smiFrom,
      text('Vul de begindatum van de SMI in.', 'Fill in the start date of the SMI.'),
    ),
  );
  need(
    'smiPeriod.to',
    isIsoDate(draft.smiTo),
    dateProblem(
      draft.smiTo,
      text('Vul de einddatum van de SMI in.', 'Fill in the end date of the SMI.'),
    ),
  );
  if (isIsoDate(draft.smiFrom) && isIsoDate(draft.smiTo) && draft.smiTo < draft.smiFrom) {
    problems['smiPeriod.to'] = text(
      'De einddatum ligt vóór de begindatum.',
      'The end date is before the start date.',
    );
  }
  return problems;
}
