// The per-stream hash chain proves that nothing was altered, removed or reordered.

import { newEvents, uniqueStreamId } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

/**
 * `tamperUnavailable`: why the adapter cannot change stored events behind the store's back; its
 * tamper tests are then declared skipped with that reason, so a missing hook never passes green.
 */
export function describeIntegrityContract(
  subject: () => EventStoreContractSubject,
  tamperUnavailable: string | null,
): void {
  describe('hash chain', () => {
    it('verifies an untouched stream', async () => {
      const { store } = subject();
      const streamId = uniqueStreamId('audit');
      await store.append(
        streamId,
        newEvents(3, (i) => ({ i, text: 'é "quoted" \\ 😀', share: 0.1 })),
      );
      await store.append(streamId, newEvents(2));

      expect(await store.verifyStream(streamId)).toEqual({
        streamId,
        valid: true,
        eventCount: 5,
        firstInvalidRevision: null,
        reason: null,
      });
    });

    const tamperCases = [
      {
        what: 'an altered event',
        tamper: (hooks: NonNullable<EventStoreContractSubject['tamper']>, streamId: string) =>
          hooks.alterData(streamId, 2, { i: 99 }),
        firstInvalidRevision: 2,
        reason: /altered/,
      },
      {
        what: 'a removed event',
        tamper: (hooks: NonNullable<EventStoreContractSubject['tamper']>, streamId: string) =>
          hooks.remove(streamId, 1),
        firstInvalidRevision: 1,
        reason: /missing|removed/,
      },
      {
        what: 'reordered events',
        tamper: (hooks: NonNullable<EventStoreContractSubject['tamper']>, streamId: string) =>
          hooks.swap(streamId, 1, 2),
        firstInvalidRevision: 1,
        reason: /removed or reordered|altered/,
      },
    ];
    for (const tamperCase of tamperCases) {
      const name = `detects ${tamperCase.what} and names the first invalid revision`;
      if (tamperUnavailable) {
        console.warn(`SKIPPED "${name}": ${tamperUnavailable}`);
        it.skip(`${name} (SKIPPED: ${tamperUnavailable})`, () => undefined);
        continue;
      }
      it(name, async () => {
        const { store, tamper } = subject();
        if (!tamper) {
          throw new Error(
            'The subject has no tamper hooks: pass tamperUnavailable with the reason instead',
          );
        }
        const streamId = uniqueStreamId('tampered');
        await store.append(streamId, newEvents(4));

        await tamperCase.tamper(tamper, streamId);
        const report = await store.verifyStream(streamId);

        expect(report.valid).toBe(false);
        expect(report.firstInvalidRevision).toBe(tamperCase.firstInvalidRevision);
        expect(report.reason).toMatch(tamperCase.reason);
      });
    }
  });
}
