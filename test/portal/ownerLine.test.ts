// The "aan zet" line every page words the same: who acts, on what, by when, and who watches.
import type { NextStepView, PartyView } from '../../services/portal/src/api/caseView';
import { ownerLinesText } from '../../services/portal/src/case/ownerLine';

const names: Record<string, string> = {
  GM0344: 'Gemeente Utrecht',
  'org-bewind-horizon': 'Bewindvoering Horizon',
  DienstToeslagen: 'Dienst Toeslagen',
};
const words = (language: 'nl' | 'en') => ({
  language,
  organisationName: (id: string) => names[id] ?? id,
});
const party = (organisation: string, role: string, name: string | null = null): PartyView =>
  ({ organisation, role, personId: null, name }) as PartyView;
const officer = party('GM0344', 'smi-officer', 'Eva Jansen');
const step = (
  action: NextStepView['action'],
  responsible: PartyView,
  escalateTo: PartyView,
): NextStepView => ({
  action,
  description: { nl: '', en: '' },
  responsible,
  since: '2026-12-01',
  due: '2026-12-12',
  overdue: false,
  daysOverdue: 0,
  escalateTo,
  deadline: null,
});

describe('the aan zet line', () => {
  it('names the supporter who must act and the officer who watches, with the date in words', () => {
    const offer = step(
      'claim-or-decline-offer',
      party('org-bewind-horizon', 'bewindvoerder', 'Bewindvoering Horizon'),
      officer,
    );
    expect(ownerLinesText([offer], officer, words('nl'))).toEqual([
      'Aan zet: Bewindvoering Horizon (oppakken of afwijzen), uiterlijk 12 december 2026 · bewaakt door Eva Jansen (SMI-consulent)',
    ]);
    expect(ownerLinesText([offer], officer, words('en'))).toEqual([
      'Now with: Bewindvoering Horizon (take on or decline), due 12 December 2026 · watched by Eva Jansen (SMI officer)',
    ]);
  });

  it('has the team lead watch when the officer is the one at turn, and a second step "ook aan zet"', () => {
    const lead = party('GM0344', 'smi-team-lead');
    const lines = ownerLinesText(
      [
        step('secure-funding', officer, lead),
        step(
          'decide-application',
          party('DienstToeslagen', 'toeslagen-officer'),
          party('DienstToeslagen', 'toeslagen-team-lead'),
        ),
      ],
      officer,
      words('nl'),
    );
    expect(lines).toEqual([
      'Aan zet: Gemeente Utrecht, Eva Jansen (financiering veiligstellen), uiterlijk 12 december 2026 · bewaakt door Teamleider SMI, Gemeente Utrecht',
      'Ook aan zet: Dienst Toeslagen (beslissen op de aanvraag), uiterlijk 12 december 2026 · bewaakt door Eva Jansen (SMI-consulent)',
    ]);
  });

  it('keeps the capitals of SMI and Wlz in the action', () => {
    const [line] = ownerLinesText(
      [step('align-smi', officer, party('GM0344', 'smi-team-lead'))],
      officer,
      words('nl'),
    );
    expect(line).toContain('(SMI laten aansluiten)');
  });
});
