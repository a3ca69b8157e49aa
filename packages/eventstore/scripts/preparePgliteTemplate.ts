// Run by `npm install` (the root postinstall): PGlite's initdb once, kept as the template every
// fresh embedded data directory is copied from (see src/sql/pgliteTemplate.ts). Nothing to do
// when the installed PGlite's template exists; a failure here only makes the first start slower.
import { openPgliteDatabase } from '../src/sql/openPgliteDatabase';
import { holdsCluster, pgliteTemplatePath } from '../src/sql/pgliteTemplate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function prepare(): Promise<void> {
  const template = pgliteTemplatePath();
  if (!template || holdsCluster(template)) return;
  const started = Date.now();
  // Opening a fresh directory makes the template first.
  const probe = mkdtempSync(join(tmpdir(), 'kot-pglite-template-'));
  try {
    await (await openPgliteDatabase({ dataDir: probe, templatePath: template })).close();
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  console.log(`Prepared the embedded database template in ${Date.now() - started} ms: ${template}`);
}

prepare().catch((error: unknown) => {
  console.warn(`No embedded database template (${(error as Error).message}); starts take longer.`);
});
