// The report people read: Markdown with tables, and three SVG charts beside it (funnel, days per
// step, unfunded days over the year). A comparison puts two runs side by side, column by column.
import type { Funnel, RunMeasures } from './measures';
import { evaluationFunnel, type SimulationParameters } from './parameters';
import type { RunResult } from './runSimulation';

export interface ReportFiles {
  markdown: string;
  svgs: Record<string, string>;
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const fixed = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

export function funnelRows(f: Funnel): Array<[string, number]> {
  return [
    ['referred', f.referred],
    ['check said yes', f.checkedYes],
    ['check said no', f.checkedNo],
    ['check unknown', f.checkedUnknown],
    ['claimed', f.claimed],
    ['applied', f.applied],
    ['granted', f.granted],
    ['rejected', f.rejected],
  ];
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((c) => String(c)).join(' | ')} |`),
  ].join('\n');
}

export function parameterTable(p: SimulationParameters): string {
  const rows: Array<[string, string, string]> = [
    ['families', String(p.families.value), p.families.source],
    ['households', JSON.stringify(p.households.value), p.households.source],
    ['monthly weights', p.monthlyWeights.value.join(' '), p.monthlyWeights.source],
    [
      'indication kind unknown at referral',
      String(p.indicationKindUnknownAtReferral.value),
      p.indicationKindUnknownAtReferral.source,
    ],
    ['apply despite "no"', String(p.applyDespiteNo.value), p.applyDespiteNo.source],
    [
      'household claims itself',
      String(p.householdClaimsItself.value),
      p.householdClaimsItself.source,
    ],
    [
      'supporters per municipality',
      String(p.supportersPerMunicipality.value),
      p.supportersPerMunicipality.source,
    ],
    [
      'municipalities',
      p.municipalities.value
        .map(
          (m) =>
            `${m.code}: ${m.smiMonths} mo${m.extends ? ', extends' : ''}${m.retroactive ? ', retroactive' : ''}`,
        )
        .join('; '),
      p.municipalities.source,
    ],
    ['offer declined', String(p.offerDeclined.value), p.offerDeclined.source],
    [
      'indication not found by CIZ',
      String(p.indicationNotFound.value),
      p.indicationNotFound.source,
    ],
    [
      'delays (days)',
      Object.entries(p.delays.value)
        .map(([k, d]) => `${k} ≤${d.typical} (${d.tailShare * 100}% up to ${d.tail})`)
        .join('; '),
      p.delays.source,
    ],
    [
      'inbox',
      `read within ${p.inbox.value.readWithinDays} d, missed ${p.inbox.value.missed}`,
      p.inbox.source,
    ],
    [
      'objection after rejection',
      String(p.objectAfterRejection.value),
      p.objectAfterRejection.source,
    ],
    ...Object.entries(p.failures).map(([name, f]): [string, string, string] => [
      `failure: ${name}`,
      String(f.value),
      f.source,
    ]),
  ];
  return table(
    ['parameter', 'value', 'source'],
    rows.map((r) => r.map((c) => c.replace(/\|/g, '/'))),
  );
}

/** A run's report: figures, the holes it found, and the parameters with their sources. */
export function runReport(
  result: RunResult,
  comparisons: Array<{ question: string; base: RunResult; variant: RunResult }> = [],
): ReportFiles {
  const m = result.measures;
  const p = result.parameters;
  const lines: string[] = [];
  lines.push(`# A simulated year: ${p.families.value} families from ${p.firstDay}, ${p.days} days`);
  lines.push('');
  lines.push(
    `Seed ${p.seed}, engine ${result.engine}, ${result.commands} commands through executeCommand, ` +
      `${result.events} events in the log, ${fixed(result.seconds)} s wall time, ${fixed(result.cpuSeconds)} s CPU ` +
      '(the machine is shared: wall time depends on its load).',
  );
  lines.push('');
  lines.push('## Summary');
  lines.push('');
  lines.push(
    table(
      ['measure', 'value'],
      [
        ['silent unfunded days (must be 0)', m.silentDays],
        [
          'days from first unfunded day to a notified owner (median / p90 / max)',
          `${m.timeToNotifiedOwner.median} / ${m.timeToNotifiedOwner.p90} / ${m.timeToNotifiedOwner.max} (${m.timeToNotifiedOwner.count} runs)`,
        ],
        ['unfunded days at year end (all, accepted or not)', m.unfundedDaysTotal],
        [
          'notifications (per family)',
          `${m.notifications.total} (${fixed(m.notifications.perFamily)})`,
        ],
        ['escalations fired', Object.values(m.escalations).reduce((a, b) => a + b, 0)],
        ['cases still open at the end', m.openAtEnd],
        [
          "funnel equals the funnel counted from the store's log",
          JSON.stringify(m.funnel) === JSON.stringify(result.funnelFromLog) ? 'yes' : 'NO',
        ],
      ],
    ),
  );
  lines.push('');
  lines.push('## Funnel, beside the evaluation');
  lines.push('');
  lines.push('![funnel](funnel.svg)');
  lines.push('');
  const applied = m.funnel.applied || 1;
  lines.push(
    table(
      [
        'step',
        'simulated',
        'share of applied',
        `evaluation (${evaluationFunnel.source})`,
        'share of applied',
      ],
      [
        ...funnelRows(m.funnel).map(([name, n]) => {
          const evaluation =
            name === 'applied'
              ? evaluationFunnel.applied
              : name === 'granted'
                ? evaluationFunnel.granted
                : name === 'rejected'
                  ? evaluationFunnel.rejected
                  : null;
          return [
            name,
            n,
            ['applied', 'granted', 'rejected'].includes(name)
              ? `${fixed((100 * n) / applied)}%`
              : '',
            evaluation ?? '—',
            evaluation !== null ? `${fixed((100 * evaluation) / evaluationFunnel.applied)}%` : '',
          ];
        }),
        ...Object.entries(m.funnel.rejectedByReason)
          .sort()
          .map(([reason, n]) => [
            `rejected: ${reason}`,
            n,
            `${fixed((100 * n) / applied)}%`,
            evaluationFunnel.rejectedMostlyFor.includes(reason) ? 'most common' : '—',
            '',
          ]),
        [
          'objections filed / upheld',
          `${m.funnel.objections} / ${m.funnel.objectionsUpheld}`,
          '',
          '—',
          '',
        ],
        ['KOT stopped', m.funnel.kotStopped, '', '—', ''],
      ],
    ),
  );
  lines.push('');
  lines.push('## Days per step (from the day a step appears on a worklist until it is replaced)');
  lines.push('');
  lines.push('![days per step](steps.svg)');
  lines.push('');
  lines.push(
    table(
      ['step', 'count', 'median', 'p90', 'max'],
      Object.entries(m.stepDays).map(([a, s]) => [a, s.count, s.median, s.p90, s.max]),
    ),
  );
  lines.push('');
  lines.push('## Unfunded days');
  lines.push('');
  lines.push('![unfunded days over the year](unfunded.svg)');
  lines.push('');
  lines.push(
    table(
      ['cause (status on the first unfunded day)', 'accepted', 'not accepted'],
      Object.entries(m.unfundedByCause)
        .sort()
        .map(([c, v]) => [c, v.accepted, v.unaccepted]),
    ),
  );
  lines.push('');
  lines.push(
    table(
      ['families with injected failure', 'families', 'their unfunded days'],
      Object.entries(m.failuresInjected)
        .sort()
        .map(([f, n]) => [f, n, m.unfundedByFailure[f] ?? 0]),
    ),
  );
  lines.push('');
  lines.push(
    `Lost decision letters: the supporter acted on the decision through the platform after ${m.lostLetterDaysToAction.median} days (median), ${m.lostLetterDaysToAction.max} at most (${m.lostLetterDaysToAction.count} letters).`,
  );
  lines.push('');
  if (m.silentDays > 0) {
    lines.push('### Silent unfunded days, grouped');
    lines.push('');
    const groups = new Map<string, { days: number; families: Set<number>; example: string }>();
    for (const d of m.silentExamples) {
      const key = `${d.status} | step ${d.step ?? '—'} (${(d.owner ?? '—').replace(/-GM\d+-\d+|:[0-9a-f-]+/g, '')}) | officer told: ${d.officerTold ? 'yes' : 'no'}`;
      const g = groups.get(key) ?? {
        days: 0,
        families: new Set<number>(),
        example: `family ${d.family}, ${d.day}`,
      };
      g.days++;
      g.families.add(d.family);
      groups.set(key, g);
    }
    lines.push(
      table(
        [
          'status | open step (owner) | officer told',
          'silent days (first 2000)',
          'families',
          'example',
        ],
        [...groups.entries()]
          .sort((a, b) => b[1].days - a[1].days)
          .map(([k, g]) => [k.replace(/\|/g, '/'), g.days, g.families.size, g.example]),
      ),
    );
    lines.push('');
  }
  lines.push('## Notifications and escalations');
  lines.push('');
  lines.push(table(['recipient role', 'notifications'], Object.entries(m.notifications.byRole)));
  lines.push('');
  lines.push(table(['rule', 'notifications'], Object.entries(m.notifications.byRule)));
  lines.push('');
  lines.push(table(['escalation rule', 'read and acted on'], Object.entries(m.escalations)));
  lines.push('');
  lines.push('## What the people did, and what the platform refused');
  lines.push('');
  lines.push(table(['action', 'times'], Object.entries(m.actions)));
  lines.push('');
  lines.push(
    table(
      ['refused command: reason', 'times'],
      Object.entries(m.refusals).map(([k, n]) => [k.replace(/\|/g, '/'), n]),
    ),
  );
  lines.push('');
  for (const { question, base, variant } of comparisons) {
    lines.push(`## What if: ${question}`);
    lines.push('');
    lines.push(comparisonTable(base, variant));
    lines.push('');
  }
  lines.push('## Parameters and their sources');
  lines.push('');
  lines.push(parameterTable(p));
  lines.push('');
  return {
    markdown: lines.join('\n'),
    svgs: {
      'funnel.svg': barChart('Funnel', funnelRows(m.funnel)),
      'steps.svg': stepChart(m.stepDays),
      'unfunded.svg': dailyChart(m.daily),
    },
  };
}

export function comparisonTable(base: RunResult, variant: RunResult): string {
  const row = (name: string, pick: (m: RunMeasures) => number | string) => [
    name,
    pick(base.measures),
    pick(variant.measures),
  ];
  return table(
    ['measure', 'default', 'what-if'],
    [
      ...funnelRows(base.measures.funnel).map(([name], i) => [
        name,
        funnelRows(base.measures.funnel)[i]![1],
        funnelRows(variant.measures.funnel)[i]![1],
      ]),
      row('silent unfunded days', (m) => m.silentDays),
      row('unfunded days (accepted or not)', (m) => m.unfundedDaysTotal),
      row('accepted unfunded days', (m) =>
        Object.values(m.unfundedByCause).reduce((a, b) => a + b.accepted, 0),
      ),
      row('days to a notified owner (max)', (m) => m.timeToNotifiedOwner.max),
      row(
        'decide-application days (median / p90)',
        (m) =>
          `${m.stepDays['decide-application']?.median ?? '—'} / ${m.stepDays['decide-application']?.p90 ?? '—'}`,
      ),
      row('notifications per family', (m) => fixed(m.notifications.perFamily)),
      row('escalations', (m) => Object.values(m.escalations).reduce((a, b) => a + b, 0)),
      row('open at the end', (m) => m.openAtEnd),
    ],
  );
}

/** The one-screen summary printed after a run. */
export function summary(result: RunResult): string {
  const m = result.measures;
  const f = m.funnel;
  const same = JSON.stringify(m.funnel) === JSON.stringify(result.funnelFromLog);
  return [
    `Simulated ${result.parameters.families.value} families over ${result.parameters.days} days from ${result.parameters.firstDay} (seed ${result.parameters.seed}, ${result.engine})`,
    `  ${result.commands} commands, ${result.events} events, ${fixed(result.seconds)} s wall, ${fixed(result.cpuSeconds)} s CPU`,
    `  funnel: referred ${f.referred} → check yes ${f.checkedYes} / no ${f.checkedNo} / unknown ${f.checkedUnknown} → claimed ${f.claimed} → applied ${f.applied} → granted ${f.granted}, rejected ${f.rejected}`,
    `  rejected by reason: ${
      Object.entries(f.rejectedByReason)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ') || 'none'
    }`,
    `  evaluation (${evaluationFunnel.source}): applied ${evaluationFunnel.applied} → granted ${evaluationFunnel.granted} (${fixed((100 * evaluationFunnel.granted) / evaluationFunnel.applied)}%), rejected ${evaluationFunnel.rejected}; simulated granted ${fixed((100 * f.granted) / (f.applied || 1))}% of applied`,
    `  SILENT UNFUNDED DAYS: ${m.silentDays}${m.silentDays > 0 ? '  <-- holes, see the report' : ''}`,
    `  first unfunded day → notified owner: median ${m.timeToNotifiedOwner.median}, max ${m.timeToNotifiedOwner.max} days`,
    `  unfunded days: ${m.unfundedDaysTotal} (${Object.entries(m.unfundedByCause)
      .map(([c, v]) => `${c}: ${v.accepted + v.unaccepted}`)
      .join('; ')})`,
    `  notifications ${m.notifications.total} (${fixed(m.notifications.perFamily)} per family), escalations ${Object.values(m.escalations).reduce((a, b) => a + b, 0)}, open at the end ${m.openAtEnd}`,
    `  funnel equals the store's log: ${same ? 'yes' : 'NO'}`,
  ].join('\n');
}

const W = 720;

function barChart(title: string, rows: Array<[string, number]>): string {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const h = 28 * rows.length + 40;
  const bars = rows
    .map(([name, n], i) => {
      const y = 30 + i * 28;
      const w = Math.round(((W - 260) * n) / max);
      return `<text x="150" y="${y + 15}" text-anchor="end">${escape(name)}</text><rect x="160" y="${y}" width="${w}" height="20" fill="#2b6cb0"/><text x="${165 + w}" y="${y + 15}">${n}</text>`;
    })
    .join('');
  return svg(h, title, bars);
}

function stepChart(steps: RunMeasures['stepDays']): string {
  const entries = Object.entries(steps);
  const max = Math.max(1, ...entries.map(([, s]) => s.p90));
  const h = 24 * entries.length + 50;
  const body = entries
    .map(([name, s], i) => {
      const y = 30 + i * 24;
      const scale = (d: number) => Math.round(((W - 280) * d) / max);
      return `<text x="170" y="${y + 13}" text-anchor="end">${escape(name)}</text><rect x="180" y="${y}" width="${scale(s.p90)}" height="16" fill="#bcd3ee"/><rect x="180" y="${y}" width="${scale(s.median)}" height="16" fill="#2b6cb0"/><text x="${185 + scale(s.p90)}" y="${y + 13}">${s.median} / ${s.p90}</text>`;
    })
    .join('');
  return svg(h, 'Days per step: median (dark) and 90th percentile (light)', body);
}

function dailyChart(daily: RunMeasures['daily']): string {
  const h = 260;
  const max = Math.max(1, ...daily.map((d) => d.accepted + d.notified + d.silent));
  const x = (i: number) => 40 + Math.round(((W - 60) * i) / Math.max(1, daily.length - 1));
  const y = (v: number) => h - 30 - Math.round(((h - 70) * v) / max);
  const line = (pick: (d: RunMeasures['daily'][number]) => number, color: string) =>
    `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${daily.map((d, i) => `${x(i)},${y(pick(d))}`).join(' ')}"/>`;
  const months = daily
    .map((d, i) =>
      d.day.endsWith('-01')
        ? `<text x="${x(i)}" y="${h - 12}" font-size="10">${d.day.slice(0, 7)}</text>`
        : '',
    )
    .join('');
  const legend =
    '<text x="50" y="40" fill="#2f855a">accepted by the officer</text><text x="230" y="40" fill="#b7791f">owner notified</text><text x="360" y="40" fill="#c53030">silent</text>';
  return svg(
    h,
    `Families without funding, per day (max ${max})`,
    line((d) => d.accepted, '#2f855a') +
      line((d) => d.notified, '#b7791f') +
      line((d) => d.silent, '#c53030') +
      months +
      legend,
  );
}

function svg(height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" font-family="sans-serif" font-size="12"><text x="10" y="18" font-weight="bold">${escape(title)}</text>${body}</svg>\n`;
}
