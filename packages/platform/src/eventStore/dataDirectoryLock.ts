// A PGlite data directory belongs to one process: a second process opening it (the replay tool
// beside a running platform, two services started apart) would corrupt it. PGlite's own
// postmaster.pid holds no real process id, so the platform keeps its own: a file with the pid of
// the process using the directory, removed on close. A file left by a process that no longer
// runs (after a crash) does not count.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'in-use-by.pid';

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by a running platform (process ${pid}). ` +
        'Stop that process first (Ctrl+C where it runs), or use another DATA_DIR.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/** In this process: how often each directory is open, so the last close releases it. */
const openHere = new Map<string, number>();

/** Claims the directory for this process; returns the release. Throws if another process has it. */
export function claimDataDirectory(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const count = openHere.get(file) ?? 0;
  if (count === 0) {
    const holder = holderOf(file);
    if (holder !== null && holder !== process.pid)
      throw new DataDirectoryInUseError(dataDir, holder);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  }
  openHere.set(file, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openHere.get(file) ?? 1) - 1;
    if (left > 0) return void openHere.set(file, left);
    openHere.delete(file);
    if (holderOf(file) === process.pid) rmSync(file, { force: true });
  };
}

/** The pid of a live process holding the directory, or null. */
function holderOf(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return isRunning(pid) ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the directory holds a database at all (PGlite writes PG_VERSION when it creates one). */
export const holdsDatabase = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));
