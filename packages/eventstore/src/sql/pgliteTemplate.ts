// A fresh PGlite data directory costs an initdb: about 5 s and 800 MB of memory at its peak on
// these machines, most of an embedded first start. An empty initialised cluster, saved once as a
// template (by `npm install`, else by the first fresh start), makes every later fresh directory a
// copy of it: about 2 s and 360 MB. The template holds no data of ours; it is keyed by the PGlite
// version, so an upgrade makes a new one instead of loading an incompatible cluster.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  return join(nodeModules, '.cache', 'kot-platform', `pglite-${version}-cluster.tar.gz`);
}

/** The template's bytes, or null when there is none yet. */
export function readPgliteTemplate(path: string | null): Blob | null {
  if (!path || !existsSync(path)) return null;
  return new Blob([readFileSync(path)]);
}

/** Writes the template atomically: a concurrent start never reads half a file. */
export function writePgliteTemplate(path: string, archive: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, archive);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}
