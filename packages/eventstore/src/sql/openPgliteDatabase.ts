// SqlDatabase on PGlite: PostgreSQL compiled to WebAssembly, in this process, on one connection.
//
// One connection means one transaction at a time. PGlite's own `transaction()` holds a mutex that
// its `query()` also waits for, so statements of other callers never land inside someone else's
// transaction; we only have to make sure our code uses the `tx` it is handed (see SqlDatabase).
// Wake-ups stay in process: nobody else can open the data directory.

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalNotifications } from './localNotifications';
import {
  copyPgliteTemplate,
  ensurePgliteTemplate,
  holdsCluster,
  pgliteTemplatePath,
} from './pgliteTemplate';
import type { SqlClient, SqlDatabase, SqlQuery } from './sqlDatabase';

export interface PgliteDatabaseOptions {
  /** Directory for the data files; created when missing. Omit for an in-memory database. */
  dataDir?: string;
  /**
   * The empty cluster a fresh data directory is copied from (see pgliteTemplate): the installed
   * PGlite's by default, made when missing; null to run initdb in the directory itself.
   */
  templatePath?: string | null;
}

// The subset of the PGlite API we use, so this file type-checks without the package's types.
interface PgliteResults {
  rows: unknown[];
}
interface PgliteQueryable {
  query(text: string, params?: unknown[]): Promise<PgliteResults>;
  exec(script: string): Promise<unknown>;
}
interface PgliteInstance extends PgliteQueryable {
  transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
interface PgliteModule {
  PGlite: { create(options: { dataDir?: string }): Promise<PgliteInstance> };
}

const PGLITE_MODULE = '@electric-sql/pglite';

export async function openPgliteDatabase(
  options: PgliteDatabaseOptions = {},
): Promise<SqlDatabase> {
  const { PGlite } = await loadPglite();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await createPglite(PGlite, options);
  const notifications = createLocalNotifications();
  let closed = false;

  const clientOf = (queryable: PgliteQueryable): SqlClient => ({
    async query<Row extends object>(statement: SqlQuery, params: readonly unknown[] = []) {
      const text = typeof statement === 'string' ? statement : statement.text;
      const result = await queryable.query(text, [...params]);
      return result.rows as Row[];
    },
    async executeScript(script) {
      await queryable.exec(script);
    },
  });

  return {
    engine: 'pglite',
    schema: 'public',
    ...clientOf(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(clientOf(tx))),
    async listen(channel, onNotification) {
      const unlisten = notifications.listen(channel, onNotification);
      return async () => unlisten();
    },
    notify: (channel) => notifications.notify(channel),
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}

export function isPgliteInstalled(): boolean {
  try {
    require.resolve(PGLITE_MODULE);
    return true;
  } catch {
    return false;
  }
}

/** An existing cluster as it is; a fresh one copied from the template; in memory, initdb. */
async function createPglite(
  PGlite: PgliteModule['PGlite'],
  options: PgliteDatabaseOptions,
): Promise<PgliteInstance> {
  const { dataDir } = options;
  const template = options.templatePath === undefined ? pgliteTemplatePath() : options.templatePath;
  if (!dataDir || holdsCluster(dataDir) || !template) return PGlite.create({ dataDir });
  await ensurePgliteTemplate(template, async (directory) => {
    await (await PGlite.create({ dataDir: directory })).close();
  });
  const added = copyPgliteTemplate(template, dataDir);
  try {
    return await PGlite.create({ dataDir });
  } catch {
    // A damaged template must not stop every fresh start: drop it and what it brought, initdb.
    for (const entry of added) rmSync(join(dataDir, entry), { recursive: true, force: true });
    rmSync(template, { recursive: true, force: true });
    return PGlite.create({ dataDir });
  }
}

async function loadPglite(): Promise<PgliteModule> {
  // A variable specifier: the package is optional at type-check time (only the embedded mode needs it).
  const specifier: string = PGLITE_MODULE;
  try {
    return (await import(specifier)) as PgliteModule;
  } catch (error) {
    throw new Error(
      `${PGLITE_MODULE} could not be loaded (${(error as Error).message}); add it to packages/eventstore`,
      { cause: error },
    );
  }
}
