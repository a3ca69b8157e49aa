// The all-in-one launcher as its own process (`node -r @swc-node/register
// services/all-in-one/src/main.ts`), as an operator starts it: the bench talks to it over HTTP
// only, and reads its resident memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const repositoryRoot = resolve(__dirname, '../..');
const STOP_GRACE_MS = 15_000;

export interface PlatformProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawning to the first GraphQL answer. */
  firstAnswerMs: number;
  /** Resolves with the milliseconds from spawning to the launcher's welcome text (start finished). */
  welcomed: Promise<number>;
  memory(): { rssMb: number; peakRssMb: number };
  /**
   * Resolves once the launcher has used less than a tenth of a core for two seconds in a row (its
   * start-up work done), with the milliseconds it waited; rejects after `withinMs`.
   */
  settled(withinMs: number): Promise<number>;
  /** `/readyz`: whether every part runs (the notification feed among them), and which do not. */
  readiness(): Promise<{ ready: boolean; failing: string[] }>;
  stop(): Promise<void>;
}

export async function startPlatformProcess(
  env: Record<string, string>,
  options: { answerWithinMs: number; nodeArguments?: string[] },
): Promise<PlatformProcess> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const sinceStart = () => Number(process.hrtime.bigint() - started) / 1e6;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArguments ?? []),
      '-r',
      '@swc-node/register',
      'services/all-in-one/src/main.ts',
    ],
    {
      cwd: repositoryRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the launcher did not start');
  let output = '';
  const welcomed = new Promise<number>((resolveWelcome, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('KOT referral platform is running')) resolveWelcome(sinceStart());
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the launcher exited (${code}):\n${output}`)));
  });
  welcomed.catch(() => undefined);

  const url = `http://127.0.0.1:${port}`;
  try {
    const firstAnswerMs = await firstGraphQLAnswer(url, child, options.answerWithinMs, sinceStart);
    return {
      url,
      pid,
      firstAnswerMs,
      welcomed,
      memory: () => memoryOf(pid),
      settled: (withinMs) => settledWithin(pid, withinMs),
      readiness: () => readinessOf(url),
      stop: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
}

/** Polls `{ __typename }` every 10 ms: the first answer is when a user could start working. */
async function firstGraphQLAnswer(
  url: string,
  child: ChildProcess,
  withinMs: number,
  sinceStart: () => number,
): Promise<number> {
  const tries = Math.ceil(withinMs / 10);
  for (let attempt = 0; attempt < tries && sinceStart() < withinMs; attempt++) {
    if (child.exitCode !== null) throw new Error(`the launcher exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return sinceStart();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  throw new Error(`no GraphQL answer within ${withinMs} ms`);
}

async function readinessOf(url: string): Promise<{ ready: boolean; failing: string[] }> {
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  const report = (await response.json()) as {
    ready?: boolean;
    checks?: Record<string, { ok: boolean; detail?: string }>;
  };
  const failing = Object.entries(report.checks ?? {})
    .filter(([, check]) => !check.ok)
    .map(([name, check]) => `${name}: ${check.detail ?? 'not ok'}`);
  return { ready: response.ok && report.ready !== false, failing };
}

const QUIET_SHARE = 0.1;
const QUIET_WINDOWS = 2;

async function settledWithin(pid: number, withinMs: number): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = cpuSecondsOf(pid);
  while (Date.now() - started < withinMs) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_000));
    const now = cpuSecondsOf(pid);
    quiet = now - before < QUIET_SHARE ? quiet + 1 : 0;
    before = now;
    if (quiet >= QUIET_WINDOWS) return Date.now() - started;
  }
  throw new Error(`the launcher was still busy after ${withinMs} ms`);
}

/** User and system CPU seconds of the process, from /proc (clock ticks of 10 ms). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rssMb: kilobytes('VmRSS') / 1024, peakRssMb: kilobytes('VmHWM') / 1024 };
}

/** SIGTERM (the launcher shuts down gracefully), SIGKILL if it has not exited within the grace. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
