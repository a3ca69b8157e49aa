// The signal form is the referral form without the SMI period: the same household and children,
// plus the family's municipality, and every choice made on purpose (nothing is preselected). What
// it sends is the SignalFamily input; the referral draft's helpers do the rest.
import { text, type Text } from '@kot/domain';
import {
  emptyChild,
  emptyPartner,
  inputOf,
  problemsOf,
  type ReferralDraft,
} from '../referral/referralDraft';

export const emptySignal = (today: string): ReferralDraft => ({
  composition: 'partners',
  partners: [emptyPartner('', ''), emptyPartner('', '')],
  children: [emptyChild('')],
  smiFrom: today,
  smiTo: '',
  municipality: '',
});

/** The SignalFamily input for the API: the referral's fields, no SMI period, the chosen municipality. */
export function signalInputOf(draft: ReferralDraft): Record<string, unknown> {
  const { smiPeriod: _smiPeriod, ...input } = inputOf(draft, draft.municipality);
  return input;
}

/**
 * What must be fixed before sending: the referral's checks without the SMI period, and each choice.
 * `typedMunicipality`: without a directory the municipality is typed as its CBS code.
 */
export function signalProblemsOf(
  draft: ReferralDraft,
  typedMunicipality = false,
): Record<string, Text> {
  // The municipality comes first in the form, so first in the summary too.
  const problems: Record<string, Text> = {};
  const need = (path: string, chosen: string, reason: Text) => {
    if (chosen === '') problems[path] = reason;
  };
  if (typedMunicipality && draft.municipality !== '' && !/^GM\d{4}$/.test(draft.municipality)) {
    problems['municipality'] = text(
      'Een gemeentecode is GM met 4 cijfers, bijvoorbeeld GM0344.',
      'A municipality code is GM with 4 digits, for instance GM0344.',
    );
  }
  need(
    'municipality',
    draft.municipality,
    typedMunicipality
      ? text('Vul de gemeentecode in.', 'Fill in the municipality code.')
      : text('Kies de gemeente.', 'Choose the municipality.'),
  );
  for (const [path, reason] of Object.entries(problemsOf(draft))) {
    if (!path.startsWith('smiPeriod.')) problems[path] = reason;
  }
  const partners = draft.composition === 'partners' ? draft.partners : [draft.partners[0]];
  partners.forEach((p, i) => {
    const at = `household.partners[${i}]`;
    need(
      `${at}.wlzIndication`,
      p.indication,
      text('Kies of er een Wlz-indicatie is.', 'Choose whether there is a Wlz-indication.'),
    );
    if (p.indication === 'none') {
      need(`${at}.workStatus`, p.workStatus, text('Kies het werk.', 'Choose the work.'));
    }
  });
  draft.children.forEach((c, i) => {
    if (c.hasChildcare) {
      need(
        `children[${i}].childcare.careType`,
        c.careType,
        text('Kies de soort opvang.', 'Choose the type of care.'),
      );
    }
  });
  return problems;
}
