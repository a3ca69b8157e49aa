import { randomUUID } from 'node:crypto';
import type { EventStore } from '@kot/eventstore';
import { createNotificationsService } from '../service/createNotificationsService';
import type { Logger } from '../service/dependencies';
import { appendStory } from '../testing/caseStories';
import { testAuthenticator } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { notificationStreamId } from './notificationEvents';

/** The store, except that appends to the streams in `broken` fail (a stream the store refuses). */
function storeFailingFor(store: EventStore, broken: Set<string>, attempts: string[]): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver) as unknown;
      const append: EventStore['append'] = async (streamId, events, options) => {
        attempts.push(streamId);
        if (broken.has(streamId)) throw new Error(`stream ${streamId} refuses appends`);
        return target.append(streamId, events, options);
      };
      return append;
    },
  });
}

describe('putting delivery outcomes on record', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('records every other case when one case cannot be appended, and retries that one later with back-off', async () => {
    const healthy = randomUUID();
    const stuck = randomUUID();
    for (const caseId of [healthy, stuck])
      await appendStory(database.store, caseId, ['open', 'offer', 'claim']);
    const broken = new Set([notificationStreamId(stuck)]);
    const attempts: string[] = [];
    const errors: object[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (details) => errors.push(details),
    };
    const time = testClock('2024-05-01T08:00:00Z');
    const service = await createNotificationsService({
      store: storeFailingFor(database.store, broken, attempts),
      db: database.db,
      authenticate: testAuthenticator,
      clock: time.clock,
      logger,
      email: null,
    });
    await service.start({ timers: false, dispatcher: false });
    await service.catchUp();

    const first = await service.dispatchOnce();
    expect(first.recorded).toBeGreaterThan(0);
    const recordedOf = async (caseId: string) =>
      (await database.store.readStream(notificationStreamId(caseId))).length;
    expect(await recordedOf(healthy)).toBe(2); // case-offered and case-claimed, in the inbox
    expect(await recordedOf(stuck)).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ caseId: stuck, attempts: 1, outcomes: 2 });
    expect(JSON.stringify(errors[0])).not.toContain('Verbeek');

    // Within the back-off the stuck case is not tried again; the round moves nothing.
    const triedBefore = attempts.filter((stream) => stream === notificationStreamId(stuck)).length;
    expect((await service.dispatchOnce()).recorded).toBe(0);
    expect(attempts.filter((stream) => stream === notificationStreamId(stuck))).toHaveLength(
      triedBefore,
    );

    // Still failing after the first wait (5 s): the next wait doubles.
    time.advance(5_001);
    await service.dispatchOnce();
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatchObject({ caseId: stuck, attempts: 2 });
    time.advance(5_001);
    await service.dispatchOnce();
    expect(errors).toHaveLength(2);

    broken.clear();
    time.advance(5_000);
    expect((await service.dispatchOnce()).recorded).toBe(2);
    expect(await recordedOf(stuck)).toBe(2);
    expect(await recordedOf(healthy)).toBe(2);
    await service.close();
  });
});
