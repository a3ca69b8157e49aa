// A fresh PGlite data directory costs an initdb: about 5 s and 800 MB of memory at its peak on
// these machines, most of an embedded first start. An empty initialised cluster, kept once as a
// template directory (made by `npm install`, else by the first fresh start), makes every later
// fresh directory a file copy of it and a normal start: about 0.7 s. The template holds no data of
// ours; it is keyed by the PGlite version, so an upgrade makes a new one instead of starting an
// incompatible cluster.

import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const PGLITE_MODULE = '@electric-sql/pglite';

/** Whether a data directory already holds a cluster (PostgreSQL writes PG_VERSION first). */
export const holdsCluster = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));

/**
 * Where the template of the installed PGlite lives: in `node_modules/.cache`, beside the package,
 * the conventional place for what an install can rebuild. Null when PGlite is not installed.
 */
export function pgliteTemplatePath(): string | null {
  let entry: string;
  try {
    entry = require.resolve(PGLITE_MODULE);
  } catch {
    return null;
  }
  // .../node_modules/@electric-sql/pglite/dist/index.cjs -> .../node_modules
  const packageDir = dirname(dirname(entry));
  const nodeModules = dirname(dirname(packageDir));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return join(nodeModules, '.cache', 'kot-platform', `pglite-${version}-cluster`);
}

/**
 * Makes the template when there is none: initdb in a directory of this process's own, closed
 * cleanly, then renamed into place, so a concurrent start never copies half a cluster.
 */
export async function ensurePgliteTemplate(
  template: string,
  initialise: (dataDir: string) => Promise<void>,
): Promise<void> {
  if (holdsCluster(template)) return;
  const partial = `${template}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await initialise(partial);
    rmSync(template, { recursive: true, force: true });
    renameSync(partial, template);
  } catch (error) {
    // Another process put its template in place first: theirs serves as well.
    if (!holdsCluster(template)) throw error;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Copies the template into a fresh data directory; returns what it added, to undo a failed start. */
export function copyPgliteTemplate(template: string, dataDir: string): string[] {
  const before = new Set(readdirSync(dataDir));
  cpSync(template, dataDir, { recursive: true });
  return readdirSync(dataDir).filter((entry) => !before.has(entry));
}
