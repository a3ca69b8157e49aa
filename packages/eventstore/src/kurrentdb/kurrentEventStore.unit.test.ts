// What the KurrentDB adapter adds on top of the server, checked against the in-memory model of
// the server (the contract suite covers the port's behaviour; these cover the mapping).
import { newEvent, newEvents } from '../contract/contractFixtures';
import { EventTooLargeError, WrongExpectedRevisionError } from '../errors';
import { createInMemoryKurrentClient } from './inMemoryKurrentClient';
import type { KurrentClient } from './kurrentClient';
import { createKurrentEventStore } from './kurrentEventStore';

describe('the KurrentDB adapter', () => {
  it('stores the hash chain, recordedAt and schema version in the KurrentDB event metadata', async () => {
    const client = createInMemoryKurrentClient();
    const store = createKurrentEventStore(client, { now: () => new Date('2025-03-01T10:00:00Z') });
    await store.append('case-1', [newEvent({ step: 1 }, 'ReferralOpened', 2), newEvent()]);

    const [first, second] = client.log;
    expect(first?.metadata).toMatchObject({
      $schemaVersion: 2,
      recordedAt: '2025-03-01T10:00:00.000Z',
      prevHash: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((second?.metadata as { prevHash: string }).prevHash).toBe(
      (first?.metadata as { hash: string }).hash,
    );
    const [read] = await store.readStream('case-1');
    expect(read?.schemaVersion).toBe(2);
    expect(read?.metadata).not.toHaveProperty('$schemaVersion');
    expect(await store.verifyStream('case-1')).toMatchObject({ valid: true, eventCount: 2 });
  });

  it('uses the KurrentDB log position as the global position', async () => {
    const client = createInMemoryKurrentClient();
    const store = createKurrentEventStore(client);
    const result = await store.append('case-1', newEvents(3));

    const positions = (await store.readAll()).map((event) => event.position);
    expect(positions).toEqual(client.log.map((record) => Number(record.position.commit)));
    expect(result.lastPosition).toBe(positions[2]);
  });

  it('keeps the chain linear when another writer appends between its read and its write', async () => {
    const model = createInMemoryKurrentClient();
    const other = createKurrentEventStore(model);
    let interfered = false;
    const racing: KurrentClient = {
      ...model,
      async appendToStream(streamName, events, options) {
        if (!interfered) {
          interfered = true;
          await other.append(streamName, [newEvent()]);
        }
        return model.appendToStream(streamName, events, options);
      },
    };
    const store = createKurrentEventStore(racing);
    await other.append('case-1', [newEvent()]);

    await store.append('case-1', [newEvent()]);

    expect((await store.readStream('case-1')).map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(await store.verifyStream('case-1')).toMatchObject({ valid: true });
  });

  it('reports a conflict, not a retry, when an exact expected revision is stale', async () => {
    const store = createKurrentEventStore(createInMemoryKurrentClient());
    await store.append('case-1', newEvents(2));

    await expect(
      store.append('case-1', [newEvent()], { expectedRevision: 0 }),
    ).rejects.toMatchObject({ constructor: WrongExpectedRevisionError, expected: 0, actual: 1 });
  });

  it("turns KurrentDB's maximum append size into EventTooLargeError", async () => {
    const model = createInMemoryKurrentClient();
    const store = createKurrentEventStore({
      ...model,
      appendToStream: async () => {
        throw Object.assign(new Error('too big'), {
          type: 'maximum-append-size-exceeded',
          maxAppendSize: 1_048_576,
        });
      },
    });

    await expect(store.append('case-1', [newEvent()])).rejects.toMatchObject({
      constructor: EventTooLargeError,
      limitInBytes: 1_048_576,
    });
  });

  it('refuses to map an event written in an explicit transaction', async () => {
    const model = createInMemoryKurrentClient();
    const store = createKurrentEventStore(model);
    await store.append('case-1', [newEvent()]);
    const record = model.log[0]!;
    record.position = { commit: record.position.commit + 100n, prepare: record.position.prepare };

    await expect(store.readStream('case-1')).rejects.toThrow(/explicit transaction/);
  });

  it('disposes only a client it created itself', async () => {
    const model = createInMemoryKurrentClient();
    const dispose = jest.spyOn(model, 'dispose');
    await createKurrentEventStore(model).close();

    expect(dispose).not.toHaveBeenCalled();
  });
});
