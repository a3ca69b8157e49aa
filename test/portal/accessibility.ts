// WCAG 2.1 AA is the legal bar for Dutch public-sector sites: every page is checked with axe and
// may have no serious or critical violation. The report names each one, so a failure says what.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeSummary {
  page: string;
  violations: Array<{ id: string; impact: string | null | undefined; nodes: number }>;
}

export const axeResults: AxeSummary[] = [];

export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  axeResults.push({
    page: name,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
    })),
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}
