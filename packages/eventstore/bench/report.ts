// The printed table: one section per engine, one row per figure, our/their ratios, and the
// performance budget's goals checked where a figure has one.

export type Cell = number | string;

export interface Goal {
  description: string;
  /** true/false when measurable; null when a value is missing. */
  check(values: Cell[]): boolean | null;
}

export interface Figure {
  label: string;
  values: Cell[];
  goals?: Goal[];
}

export interface Section {
  title: string;
  columns: string[];
  figures: Figure[];
}

const formatCell = (value: Cell | undefined): string =>
  value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : value >= 100
        ? Math.round(value).toLocaleString('en-US')
        : value.toFixed(1);

export function ratio(ours: Cell | undefined, theirs: Cell | undefined): number | null {
  return typeof ours === 'number' && typeof theirs === 'number' && theirs > 0
    ? ours / theirs
    : null;
}

export function printReport(sections: Section[]): void {
  for (const section of sections) {
    const [ours, ...others] = section.columns;
    const header = [
      'figure',
      ...section.columns,
      ...others.map((other) => `${shortName(ours)}/${shortName(other)}`),
      'goal',
    ];
    const rows = section.figures.map((figure) => [
      figure.label,
      ...figure.values.map(formatCell),
      ...others.map((_, index) => {
        const value = ratio(figure.values[0], figure.values[index + 1]);
        return value === null ? 'n/a' : `${value.toFixed(2)}×`;
      }),
      (figure.goals ?? [])
        .map((goal) => {
          const verdict = goal.check(figure.values);
          return `${goal.description}: ${verdict === null ? 'n/a' : verdict ? 'PASS' : 'FAIL'}`;
        })
        .join('; '),
    ]);
    const widths = header.map((title, column) =>
      Math.min(60, Math.max(title.length, ...rows.map((row) => row[column]!.length))),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join(' | ');
    console.log(`\n${section.title}`);
    console.log(line(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
    for (const row of rows) console.log(line(row));
  }
}

function shortName(column: string | undefined): string {
  return (column ?? '?').split(' ')[0]!;
}
