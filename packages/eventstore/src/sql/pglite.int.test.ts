import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/eventStoreContract';
import { newEvents, uniqueStreamId } from '../contract/contractFixtures';
import { openEventStore } from '../openEventStore';
import { describeGroupCommitContract } from './groupCommitContract';
import { isPgliteInstalled, openPgliteDatabase } from './openPgliteDatabase';
import { createSqlContractSubject } from './sqlContractSubject';

const skipReason = isPgliteInstalled()
  ? null
  : '@electric-sql/pglite is not installed (add it to packages/eventstore dependencies)';

const openSubject = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eventstore-contract-'));
  const database = await openPgliteDatabase({ dataDir });
  return createSqlContractSubject(database, async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
};

describeEventStoreContract('PGlite', openSubject, { skipReason });
describeGroupCommitContract('PGlite', openSubject, skipReason);

(skipReason ? describe.skip : describe)('PGlite in a data directory', () => {
  it('keeps the events when the directory is opened again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eventstore-reopen-'));
    try {
      const streamId = uniqueStreamId('case');
      const first = await openEventStore({ kind: 'pglite', dataDir });
      await first.store.append(streamId, newEvents(3));
      await first.store.close();

      const second = await openEventStore({ kind: 'pglite', dataDir });
      const events = await second.store.readStream(streamId);
      const report = await second.store.verifyStream(streamId);
      await second.store.close();

      expect(events).toHaveLength(3);
      expect(report.valid).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
