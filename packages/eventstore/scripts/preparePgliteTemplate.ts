// Run by `npm install` (the root postinstall): PGlite's initdb once, saved as the template every
// fresh embedded data directory starts from (see src/sql/pgliteTemplate.ts). Skipped when the
// template of the installed PGlite exists; a failure here only makes the first start slower.
import { existsSync } from 'node:fs';
import { openPgliteDatabase } from '../src/sql/openPgliteDatabase';
import { pgliteTemplatePath } from '../src/sql/pgliteTemplate';

async function prepare(): Promise<void> {
  const path = pgliteTemplatePath();
  if (!path || existsSync(path)) return;
  const started = Date.now();
  const db = await openPgliteDatabase({ templatePath: path });
  await db.close();
  console.log(`Prepared the embedded database template in ${Date.now() - started} ms: ${path}`);
}

prepare().catch((error: unknown) => {
  console.warn(`No embedded database template (${(error as Error).message}); starts take longer.`);
});
