import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  /** Opens the directory, creates a table, and says how many tables of ours it then holds. */
  const tablesAfterOneMore = async (dataDir: string, templatePath: string) => {
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

  it('makes the template at the first fresh start and copies it, empty, into every later one', async () => {
    const template = join(root, 'cache', 'cluster');
    expect(await tablesAfterOneMore(join(root, 'first'), template)).toBe(1);
    expect(holdsCluster(template)).toBe(true);
    const templateFiles = readdirSync(template).sort();

    // The second directory holds only the template: nothing of the first one's tables.
    expect(await tablesAfterOneMore(join(root, 'second'), template)).toBe(1);
    expect(readdirSync(template).sort()).toEqual(templateFiles);

    // An existing cluster is opened as it is, with its data.
    const db = await openPgliteDatabase({ dataDir: join(root, 'second'), templatePath: template });
    await expect(db.query('SELECT count(*) FROM marker')).resolves.toHaveLength(1);
    await db.close();
  }, 60_000);

  it('starts a fresh directory all the same when the template is damaged, and mends the template', async () => {
    const template = join(root, 'damaged');
    mkdirSync(template, { recursive: true });
    writeFileSync(join(template, 'PG_VERSION'), '18\n');
    writeFileSync(join(template, 'postgresql.conf'), 'this is not a configuration\n');
    const dataDir = join(root, 'after-damage');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'in-use-by.pid'), `${process.pid}\n`);

    expect(await tablesAfterOneMore(dataDir, template)).toBe(1);
    // What was in the directory before stays; the next fresh start makes a good template again.
    expect(readdirSync(dataDir)).toContain('in-use-by.pid');
    expect(await tablesAfterOneMore(join(root, 'after-mending'), template)).toBe(1);
    expect(readdirSync(template)).toContain('base');
  }, 90_000);
});
