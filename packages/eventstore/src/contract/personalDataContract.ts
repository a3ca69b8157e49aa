// Personal fields are encrypted at rest, readable through the protected store, and become
// REDACTED once the case is forgotten, while the stream still replays and verifies.

import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '../eventStore';
import { REDACTED } from '../personalData/fieldEncryption';
import { createSqlKeyStore, PersonalDataForgottenError } from '../personalData/keyStore';
import { protectPersonalData, type ProtectedEventStore } from '../personalData/protectPersonalData';
import { newEvent, uniqueStreamId, waitFor } from './contractFixtures';
import type { EventStoreContractSubject } from './contractSubject';

const household = {
  household: {
    partners: [
      { bsn: '111222333', role: 'wlz_indicated' },
      { bsn: '123456782', role: 'working' },
    ],
  },
  children: [{ name: 'Noor', birthDate: '2020-05-01' }, { name: 'Daan' }],
  municipality: 'GM0363',
};

export function describePersonalDataContract(subject: () => EventStoreContractSubject): void {
  describe('personal data', () => {
    let store: ProtectedEventStore;
    beforeAll(async () => {
      const keyStore = await createSqlKeyStore(subject().database, { masterKey: randomBytes(32) });
      store = protectPersonalData(subject().store, {
        keyStore,
        personalFields: (type) =>
          type === 'HouseholdRegistered' ? ['household.partners[].bsn', 'children[].name'] : [],
      });
    });

    it('stores personal fields encrypted and reads them back in clear through the protected store', async () => {
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [newEvent(household, 'HouseholdRegistered')]);

      const [stored] = await subject().store.readStream(streamId);
      const [read] = await store.readStream(streamId);

      expect(JSON.stringify(stored?.data)).not.toMatch(/111222333|123456782|Noor|Daan/);
      expect(stored?.data).toMatchObject({
        household: {
          partners: [{ bsn: { $encrypted: expect.any(String) }, role: 'wlz_indicated' }, {}],
        },
        municipality: 'GM0363',
      });
      expect(read?.data).toEqual(household);
    });

    it('decrypts in readAll and in subscription batches', async () => {
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [newEvent(household, 'HouseholdRegistered')]);
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({
        handler: async (events) => {
          received.push(...events.filter((event) => event.streamId === streamId));
        },
      });
      await waitFor('the household event', () => received.length === 1);
      await subscription.stop();

      expect(received[0]?.data).toEqual(household);
      const all = await store.readAll();
      expect(all.find((event) => event.streamId === streamId)?.data).toEqual(household);
    });

    it('reads forgotten personal fields as REDACTED while the stream still replays and verifies', async () => {
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [
        newEvent(household, 'HouseholdRegistered'),
        newEvent({ step: 'claimed' }),
      ]);

      await store.forget(streamId);
      const events = await store.readStream(streamId);

      expect(events).toHaveLength(2);
      expect(events[0]?.data).toEqual({
        household: {
          partners: [
            { bsn: REDACTED, role: 'wlz_indicated' },
            { bsn: REDACTED, role: 'working' },
          ],
        },
        children: [{ name: REDACTED, birthDate: '2020-05-01' }, { name: REDACTED }],
        municipality: 'GM0363',
      });
      expect(events[1]?.data).toEqual({ step: 'claimed' });
      expect(await store.verifyStream(streamId)).toMatchObject({ valid: true, eventCount: 2 });
    });

    it('refuses new personal data for a forgotten case but still accepts other events', async () => {
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [newEvent(household, 'HouseholdRegistered')]);
      await store.forget(streamId);

      await expect(
        store.append(streamId, [newEvent(household, 'HouseholdRegistered')]),
      ).rejects.toBeInstanceOf(PersonalDataForgottenError);
      await store.append(streamId, [newEvent({ step: 'closed' })]);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });
  });
}
