// `npm start` again on another day, on the same data: the demo cases were seeded on the first
// day and must not be seeded again (their commands, dated from the new day, would differ from
// the stored ones and be refused as a reused key).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCaseIds, startPlatform } from '@kot/all-in-one';

describe('the embedded platform started again days later on the same data', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kot-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = (day: string) =>
    startPlatform({
      env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      clock: () => new Date(`${day}T09:00:00.000Z`),
    });
  const eventsOf = async (url: string, token: string, caseId: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'query ($id: ID!) { verifyIntegrity(id: $id) { eventCount } }',
        variables: { id: caseId },
      }),
    });
    const body = (await response.json()) as { data: { verifyIntegrity: { eventCount: number } } };
    return body.data.verifyIntegrity.eventCount;
  };

  it('starts, keeps the demo cases it seeded the first time, and adds nothing to them', async () => {
    const first = await start('2026-11-23');
    const counts = await Promise.all(
      Object.values(demoCaseIds).map((id) => eventsOf(first.url, first.tokens['auditor']!, id)),
    );
    await first.close();
    expect(counts.every((count) => count > 0)).toBe(true);

    const again = await start('2026-11-26');
    try {
      const countsAgain = await Promise.all(
        Object.values(demoCaseIds).map((id) => eventsOf(again.url, again.tokens['auditor']!, id)),
      );
      expect(countsAgain).toEqual(counts);
    } finally {
      await again.close();
    }
  }, 120_000);
});
