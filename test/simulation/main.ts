// npm run simulate [-- --families N --seed S --postgres SERVER_URL --out DIR --compare NAME ...]
// Runs the default year (and each what-if named with --compare, on the same seed), writes the
// report to test/artifacts/simulation/ (ignored by git) and prints a one-screen summary. Exits 1
// when the run found silent unfunded days or its funnel disagrees with the store's log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBenchDatabase } from '../bench/benchDatabase';
import { defaultParameters } from './parameters';
import { runReport, summary, comparisonTable } from './report';
import { runSimulation, type RunResult } from './runSimulation';
import { whatIf, whatIfs, withFamilies } from './whatIfs';

interface Options {
  families: number;
  seed: number;
  databaseUrl?: string;
  out: string;
  compare: string[];
}

function parseArguments(argv: string[]): Options {
  const options: Options = {
    families: defaultParameters.families.value,
    seed: defaultParameters.seed,
    out: resolve(__dirname, '..', 'artifacts', 'simulation'),
    compare: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--families') options.families = positive(flag, need());
    else if (flag === '--seed') options.seed = positive(flag, need());
    else if (flag === '--postgres') options.databaseUrl = need();
    else if (flag === '--out')
      options.out = resolve(process.env['INIT_CWD'] ?? process.cwd(), need());
    else if (flag === '--compare') options.compare.push(whatIf(need()).name);
    else if (flag === '--help') {
      console.log(
        `npm run simulate -- [--families N] [--seed S] [--postgres SERVER_URL] [--out DIR] [--compare NAME]...\nwhat-ifs: ${whatIfs.map((w) => w.name).join(', ')}`,
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${flag}; try --help`);
  }
  return options;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive whole number`);
  return n;
}

/** A progress bar on one line (TTY) or a line per simulated month (logs). */
function progress(label: string) {
  const started = Date.now();
  return (day: number, days: number, open: number) => {
    const width = 30;
    const done = Math.round((width * day) / days);
    const text = `${label} [${'#'.repeat(done)}${'.'.repeat(width - done)}] day ${day}/${days}, ${open} open cases, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}${day === days ? '\n' : ''}`);
    else if (day % 30 === 0 || day === days) console.log(text);
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const base = withFamilies({ ...defaultParameters, seed: options.seed }, options.families);
  const run = async (parameters: typeof base, label: string): Promise<RunResult> => {
    // On PostgreSQL each run gets a database of its own on the server, dropped afterwards.
    const database = options.databaseUrl ? await createBenchDatabase(options.databaseUrl) : null;
    try {
      return await runSimulation(parameters, {
        ...(database ? { databaseUrl: database.url } : {}),
        onDay: progress(label),
      });
    } finally {
      await database?.drop();
    }
  };
  const result = await run(base, 'default');
  const comparisons = [];
  for (const name of options.compare) {
    const w = whatIf(name);
    const variant = await run(w.change(base), name);
    comparisons.push({ question: w.question, base: result, variant });
  }
  const report = runReport(result, comparisons);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(resolve(options.out, 'report.md'), report.markdown);
  for (const [file, content] of Object.entries(report.svgs))
    writeFileSync(resolve(options.out, file), content);
  console.log('');
  console.log(summary(result));
  for (const c of comparisons) {
    console.log(`\nWhat if: ${c.question}\n${comparisonTable(c.base, c.variant)}`);
  }
  console.log(`\nReport: ${resolve(options.out, 'report.md')}`);
  const funnelAgrees =
    JSON.stringify(result.measures.funnel) === JSON.stringify(result.funnelFromLog);
  if (result.measures.silentDays > 0 || !funnelAgrees) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
