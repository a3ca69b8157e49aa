// Policy questions as parameter changes. Each what-if is the default year with a few fields
// changed; a comparison runs both with the same seed, so the same families meet the same people.
import { defaultParameters, type SimulationParameters } from './parameters';

export interface WhatIf {
  name: string;
  question: string;
  change(parameters: SimulationParameters): SimulationParameters;
}

export const whatIfs: WhatIf[] = [
  {
    name: 'decisions-in-8-weeks',
    question:
      'What if Dienst Toeslagen decides within 8 weeks (the Awb maximum) instead of its 5-week norm?',
    change: (p) => ({
      ...p,
      delays: {
        source: `${p.delays.source}; what-if: decisions typically within 56 days`,
        value: { ...p.delays.value, toeslagenDecision: { typical: 56, tailShare: 0.15, tail: 90 } },
      },
    }),
  },
  {
    name: 'no-retroactive-smi',
    question: 'What if no municipality pays SMI retroactively or extends it?',
    change: (p) => ({
      ...p,
      municipalities: {
        source: `${p.municipalities.source}; what-if: none extends or pays back`,
        value: p.municipalities.value.map((m) => ({ ...m, extends: false, retroactive: false })),
      },
    }),
  },
  {
    name: 'fewer-supporters',
    question: 'What if each municipality has one supporter organisation instead of three?',
    change: (p) => ({
      ...p,
      supportersPerMunicipality: { value: 1, source: 'what-if' },
    }),
  },
  {
    name: 'more-lost-letters',
    question:
      'What if five times as many decision letters get lost and people miss a third of their notifications?',
    change: (p) => ({
      ...p,
      failures: {
        ...p.failures,
        lostDecisionLetter: { value: 0.25, source: 'what-if' },
      },
      inbox: { value: { ...p.inbox.value, missed: 0.33 }, source: 'what-if' },
    }),
  },
];

export function whatIf(name: string): WhatIf {
  const found = whatIfs.find((w) => w.name === name);
  if (!found) {
    throw new Error(
      `Unknown what-if "${name}"; choose one of: ${whatIfs.map((w) => w.name).join(', ')}`,
    );
  }
  return found;
}

export const withFamilies = (
  parameters: SimulationParameters,
  families: number,
): SimulationParameters => ({
  ...parameters,
  families: { value: families, source: `${parameters.families.source}; this run: ${families}` },
});

export { defaultParameters };
