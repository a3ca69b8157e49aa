// `npm run bench:profile -w test`: where a command's time goes. Seeds PROFILE_CASES cases (default
// 1500) through executeCommand with the projections beside it, as the bench's seeding does, under
// the V8 CPU profiler, and prints self time grouped by where the code lives (our packages, pg,
// the JSON and crypto work inside them) and the functions that took the most. Then the same for a
// full rebuild of every read model. The database bench_<pid> is dropped at the end.
import { randomBytes } from 'node:crypto';
import { Session, type Profiler } from 'node:inspector';
import { createBenchDatabase } from './benchDatabase';
import { loadAverage } from './loadAverage';
import { seedCaseload, seedingClock } from './seedCaseload';
import { startSeedingPlatform } from './seedingPlatform';

const cases = Number(process.env['PROFILE_CASES'] ?? 1500);

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  try {
    const env = {
      EVENTSTORE: 'postgres',
      DATABASE_URL: database.url,
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
    const seeder = await startSeedingPlatform(env, seedingClock);
    console.log(`profiling ${cases} cases through executeCommand; ${loadAverage()}`);
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params?: object) =>
      new Promise<T>((resolve, reject) =>
        session.post(method, params, (error, result) =>
          error ? reject(error) : resolve(result as T),
        ),
      );
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    const profiled = async (work: () => Promise<unknown>): Promise<Profiler.Profile> => {
      await post('Profiler.start');
      try {
        await work();
      } catch (error) {
        await post('Profiler.stop');
        throw error;
      }
      return (await post<{ profile: Profiler.Profile }>('Profiler.stop')).profile;
    };
    try {
      printProfile(
        'seeding',
        await profiled(() =>
          seedCaseload(seeder, { cases, concurrency: 16, budgetMs: 10 * 60_000 }),
        ),
      );
      const [head] = await seeder.database.query<{ events: string }>(
        'SELECT count(*)::text AS events FROM events',
      );
      const events = Number(head?.events ?? 0);
      const started = performance.now();
      const rebuild = await profiled(() => seeder.projections.rebuild());
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `\nfull rebuild of ${events} events: ${seconds.toFixed(1)} s, ${(events / seconds).toFixed(0)} events/s`,
      );
      printProfile('the rebuild', rebuild);
    } finally {
      session.disconnect();
      await seeder.close();
    }
    console.log(loadAverage());
  } finally {
    await database.drop();
  }
}

function printProfile(what: string, profile: Profiler.Profile): void {
  const selfTime = new Map<number, number>();
  const timeDeltas = profile.timeDeltas ?? [];
  for (const [index, node] of (profile.samples ?? []).entries()) {
    selfTime.set(node, (selfTime.get(node) ?? 0) + (timeDeltas[index] ?? 0));
  }
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = selfTime.get(node.id) ?? 0;
    if (micros === 0) continue;
    total += micros;
    const { url, functionName, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`\n${what}: self time by place (${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [place, micros] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${share(micros)}  ${place}`);
  }
  console.log(`\n${what}: functions with the most self time`);
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${share(micros)}  ${name}`);
  }
}

function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'V8 and native';
  const ours = /\/(packages|services)\/([^/]+)\/src\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]} ${ours[3]}`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return `dependency ${dependency[1]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  return shortUrl(url);
}

const shortUrl = (url: string) =>
  url.replace(/^.*\/(packages|services|node_modules|test)\//, '$1/');

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
