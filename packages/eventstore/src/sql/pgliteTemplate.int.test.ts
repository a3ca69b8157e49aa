import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase } from './openPgliteDatabase';
import { holdsCluster } from './pgliteTemplate';

describe('fresh PGlite data directories', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kot-pglite-template-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const countTables = async (dataDir: string, templatePath: string) => {
    const db = await openPgliteDatabase({ dataDir, templatePath });
    try {
      await db.query('CREATE TABLE marker (id int)');
      const [row] = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`,
      );
      return row?.count;
    } finally {
      await db.close();
    }
  };

  it('saves the first initialised cluster as a template and starts the next one from it, empty', async () => {
    const templatePath = join(root, 'cache', 'cluster.tar.gz');
    expect(await countTables(join(root, 'first'), templatePath)).toBe(1);
    expect(existsSync(templatePath)).toBe(true);
    const saved = statSync(templatePath).mtimeMs;

    // The second directory holds only what it was given: nothing of the first one's tables.
    expect(await countTables(join(root, 'second'), templatePath)).toBe(1);
    expect(holdsCluster(join(root, 'second'))).toBe(true);
    expect(statSync(templatePath).mtimeMs).toBe(saved);

    // An existing cluster is opened as it is, with its data.
    const db = await openPgliteDatabase({ dataDir: join(root, 'second'), templatePath });
    await expect(db.query('SELECT count(*) FROM marker')).resolves.toHaveLength(1);
    await db.close();
  }, 60_000);

  it('creates the database all the same when the template is damaged, and saves a good one', async () => {
    const templatePath = join(root, 'damaged', 'cluster.tar.gz');
    const dataDir = join(root, 'after-damage');
    mkdirSync(join(root, 'damaged'), { recursive: true });
    writeFileSync(templatePath, 'not a tar archive');
    expect(await countTables(dataDir, templatePath)).toBe(1);
    // Replaced by a good one from the initdb that followed.
    expect(statSync(templatePath).size).toBeGreaterThan(1000);
  }, 60_000);
});
