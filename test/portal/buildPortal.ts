// The all-in-one serves services/portal/dist; the tests build it first so they test this code.
// Several test files need it: the first builds while holding a lock, the others wait and find the
// build up to date (newer than every source it is made of), so two builds never overwrite each
// other's files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const portal = join(root, 'services/portal');
/** One lock per checkout, outside it: a run that dies leaves nothing in the working tree. */
const lock = join(
  tmpdir(),
  `kot-portal-build-${createHash('sha256').update(portal).digest('hex').slice(0, 12)}`,
);
const sources = [
  join(portal, 'src'),
  join(portal, 'index.html'),
  join(portal, 'vite.config.mts'),
  join(root, 'packages/domain/src'),
];

/** The newest modification time under a path; bounded by the size of the source tree. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const upToDate = () => {
  const built = join(portal, 'dist/index.html');
  return existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newest));
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(work: () => void): void {
  // At most four minutes of waiting; a lock older than that was left by a run that died.
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      const age = since === undefined ? 0 : Date.now() - since;
      if (attempt >= 480 || age > 240_000) {
        rmSync(lock, { recursive: true, force: true });
      } else {
        sleep(500);
      }
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function buildPortal(): void {
  withLock(() => {
    if (upToDate()) return;
    execFileSync(
      'npm',
      ['run', 'build', '--silent', '-w', 'services/portal', '--', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
        timeout: 120_000,
      },
    );
  });
}
