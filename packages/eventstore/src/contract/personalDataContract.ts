// Personal fields are encrypted at rest, readable through the protected store, and become
// REDACTED once the case is forgotten, while the stream still replays and verifies. A value that
// does not decrypt reads as UNREADABLE instead of halting the reader.

import { randomBytes } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../eventStore';
import { EventTooLargeError, InvalidEventError } from '../errors';
import { REDACTED, UNREADABLE } from '../personalData/fieldEncryption';
import { createSqlKeyStore, PersonalDataForgottenError } from '../personalData/keyStore';
import {
  protectPersonalData,
  type ProtectedEventStore,
  type UnreadablePersonalField,
} from '../personalData/protectPersonalData';
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

const personalFields = (type: string) =>
  type === 'HouseholdRegistered' ? ['household.partners[].bsn', 'children[].name'] : [];

export function describePersonalDataContract(subject: () => EventStoreContractSubject): void {
  describe('personal data', () => {
    const masterKey = randomBytes(32);
    const unreadable: UnreadablePersonalField[] = [];
    let store: ProtectedEventStore;
    /** The protected store as another process would open it: its own key store, no cache yet. */
    const openedElsewhere = async () =>
      protectPersonalData(subject().store, {
        keyStore: await createSqlKeyStore(subject().database, { masterKey }),
        personalFields,
      });
    const keyRows = (streamId: string) =>
      subject().database.query<{ wrapped_key: string | null; forgotten_at: unknown }>(
        'SELECT wrapped_key, forgotten_at FROM personal_data_keys WHERE stream_id = $1',
        [streamId],
      );
    /** Appends as someone with write access to the log could, past the protected store. */
    const appendRaw = (streamId: string, data: NewEvent['data']) =>
      subject().store.append(streamId, [newEvent(data, 'HouseholdRegistered')]);

    beforeAll(async () => {
      const keyStore = await createSqlKeyStore(subject().database, { masterKey });
      store = protectPersonalData(subject().store, {
        keyStore,
        personalFields,
        onUnreadable: (field) => unreadable.push(field),
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

    it('forgets a case: its key is erased, every reader sees REDACTED, and the stored log is unchanged and still verifies', async () => {
      const streamId = uniqueStreamId('case');
      await store.append(streamId, [
        newEvent(household, 'HouseholdRegistered'),
        newEvent({ step: 'claimed' }),
      ]);
      const storedBefore = await subject().store.readStream(streamId);
      // Read in clear first: nothing this reader decrypted before may outlive the key.
      expect((await store.readStream(streamId))[0]?.data).toEqual(household);

      await store.forget(streamId);
      const events = await store.readStream(streamId);
      // A process that opens the key store afresh knows only what the key table says.
      const elsewhereAfter = await (await openedElsewhere()).readStream(streamId);

      const redacted = {
        household: {
          partners: [
            { bsn: REDACTED, role: 'wlz_indicated' },
            { bsn: REDACTED, role: 'working' },
          ],
        },
        children: [{ name: REDACTED, birthDate: '2020-05-01' }, { name: REDACTED }],
        municipality: 'GM0363',
      };
      expect(events).toHaveLength(2);
      expect(events[0]?.data).toEqual(redacted);
      expect(events[1]?.data).toEqual({ step: 'claimed' });
      expect(elsewhereAfter.map((event) => event.data)).toEqual([redacted, { step: 'claimed' }]);
      expect(await keyRows(streamId)).toEqual([
        { wrapped_key: null, forgotten_at: expect.anything() },
      ]);
      expect(await subject().store.readStream(streamId)).toEqual(storedBefore);
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

    it('answers a retry of an append stored before the case was forgotten with the original result', async () => {
      const streamId = uniqueStreamId('case');
      const events = [newEvent(household, 'HouseholdRegistered'), newEvent({ step: 'opened' })];
      const original = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      await store.forget(streamId);

      await expect(
        store.append(streamId, events, { expectedRevision: 'no_stream' }),
      ).resolves.toEqual(original);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    it('refuses data shaped like an encrypted field, writing nothing and creating no key', async () => {
      const streamId = uniqueStreamId('case');
      const crafted = { $encrypted: 'v2:AAAA' };
      const shapes = [
        newEvent({ note: crafted }),
        newEvent(
          { ...household, children: [{ name: crafted }] } as NewEvent['data'],
          'HouseholdRegistered',
        ),
        newEvent({ list: [{ nested: { $encrypted: 1, other: true } }] }),
      ];

      for (const event of shapes) {
        await expect(store.append(streamId, [event])).rejects.toBeInstanceOf(InvalidEventError);
      }
      expect(await subject().store.readStream(streamId)).toEqual([]);
      expect(await keyRows(streamId)).toEqual([]);
    });

    it('creates no key for an append the store refuses for its input', async () => {
      const streamId = uniqueStreamId('case');
      // Under the size limit in clear text, over it once encrypted (base64 adds a third).
      const bulky = {
        ...household,
        children: [{ name: 'x'.repeat(900_000) }],
      } as NewEvent['data'];

      await expect(
        store.append(streamId, [{ ...newEvent(household, 'HouseholdRegistered'), eventId: 'x' }]),
      ).rejects.toBeInstanceOf(InvalidEventError);
      await expect(
        store.append(streamId, [newEvent(household, 'HouseholdRegistered')], {
          expectedRevision: -1,
        }),
      ).rejects.toBeInstanceOf(InvalidEventError);
      await expect(
        store.append(streamId, [newEvent(bulky, 'HouseholdRegistered')]),
      ).rejects.toBeInstanceOf(EventTooLargeError);
      expect(await keyRows(streamId)).toEqual([]);
      expect(await subject().store.readStream(streamId)).toEqual([]);
    });

    it('reads a field moved to another case or another place as UNREADABLE, says where, and reads on', async () => {
      const [first, second] = [uniqueStreamId('case'), uniqueStreamId('case')];
      await store.append(first, [newEvent(household, 'HouseholdRegistered')]);
      await store.append(second, [newEvent(household, 'HouseholdRegistered')]);
      const [stored] = await subject().store.readStream(first);
      const partners = (stored!.data as typeof household).household.partners;
      const ciphertext = partners[0]!.bsn;
      // Copied into another case, and within its own case onto the other partner.
      await appendRaw(second, { household: { partners: [{ bsn: ciphertext }] } });
      await appendRaw(first, { household: { partners: [{ bsn: 'x' }, { bsn: ciphertext }] } });
      unreadable.length = 0;

      const secondRead = await store.readStream(second);
      const firstRead = await store.readStream(first);
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({
        handler: async (events) => {
          received.push(...events.filter((event) => [first, second].includes(event.streamId)));
        },
      });
      await waitFor('both cases through a subscription', () => received.length === 4);
      await subscription.stop();

      expect(secondRead.map((event) => event.data)).toEqual([
        household,
        { household: { partners: [{ bsn: UNREADABLE }] } },
      ]);
      expect(firstRead[0]?.data).toEqual(household);
      expect(firstRead[1]?.data).toEqual({
        household: { partners: [{ bsn: 'x' }, { bsn: UNREADABLE }] },
      });
      expect(received.map((event) => event.data)).toEqual(
        expect.arrayContaining([household, { household: { partners: [{ bsn: UNREADABLE }] } }]),
      );
      expect(unreadable).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            streamId: second,
            eventId: secondRead[1]!.eventId,
            path: 'household.partners[0].bsn',
            reason: 'does_not_decrypt',
          }),
          expect.objectContaining({
            streamId: first,
            path: 'household.partners[1].bsn',
            reason: 'does_not_decrypt',
          }),
        ]),
      );
      expect(JSON.stringify(unreadable)).not.toMatch(/111222333|123456782/);
    });

    it('reads the fields of a case whose key does not unwrap as UNREADABLE instead of failing', async () => {
      const [damaged, other] = [uniqueStreamId('case'), uniqueStreamId('case')];
      await store.append(damaged, [newEvent(household, 'HouseholdRegistered')]);
      await store.append(other, [newEvent(household, 'HouseholdRegistered')]);
      // The damaged case's key row now holds the other case's wrapped key (bound to that case).
      await subject().database.query(
        `UPDATE personal_data_keys SET wrapped_key =
           (SELECT wrapped_key FROM personal_data_keys WHERE stream_id = $2)
         WHERE stream_id = $1`,
        [damaged, other],
      );
      const fields: UnreadablePersonalField[] = [];
      const elsewhere = protectPersonalData(subject().store, {
        keyStore: await createSqlKeyStore(subject().database, { masterKey }),
        personalFields,
        onUnreadable: (field) => fields.push(field),
      });

      const [read] = await elsewhere.readStream(damaged);

      expect(read?.data).toMatchObject({
        household: { partners: [{ bsn: UNREADABLE }, { bsn: UNREADABLE }] },
        municipality: 'GM0363',
      });
      expect(fields.map((field) => field.reason)).toEqual(
        Array.from({ length: 4 }, () => 'key_does_not_unwrap'),
      );
      expect((await elsewhere.readStream(other))[0]?.data).toEqual(household);
    });
  });
}
