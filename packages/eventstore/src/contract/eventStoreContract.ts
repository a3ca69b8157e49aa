// ONE contract suite for every EventStore adapter. An adapter's test file calls
//
//   describeEventStoreContract('PostgreSQL', factory, { skipReason })
//
// where the factory opens a fresh store (unique streams per run are made by the suite itself) and
// skipReason, computed synchronously, skips the whole suite loudly when the engine is unreachable.
// Whatever an adapter cannot be tested on is declared here, up front, so that it shows as skipped
// with its reason instead of passing without asserting.

import { describeAppendContract } from './appendContract';
import { describeBadInputContract } from './badInputContract';
import { describeCheckpointedSubscriberContract } from './checkpointedSubscriberContract';
import { describeConcurrentAppendContract } from './concurrentAppendContract';
import type { ContractFactory, EventStoreContractSubject } from './contractSubject';
import { describeIntegrityContract } from './integrityContract';
import { describePersonalDataContract } from './personalDataContract';
import { describeReadContract } from './readContract';
import { describeSubscriptionContract } from './subscriptionContract';

export interface ContractOptions {
  /** When set, the suite is skipped and the reason printed. */
  skipReason?: string | null;
  /**
   * Why the adapter's subject has no tamper hooks (the engine cannot change stored events); the
   * tamper tests are then skipped with this reason. Without it they require the hooks.
   */
  tamperUnavailable?: string | null;
}

export function describeEventStoreContract(
  name: string,
  factory: ContractFactory,
  options: ContractOptions = {},
): void {
  if (options.skipReason) {
    console.warn(`SKIPPED event store contract on ${name}: ${options.skipReason}`);
    describe.skip(`EventStore contract on ${name}`, () => {
      it('is skipped', () => undefined);
    });
    return;
  }
  describe(`EventStore contract on ${name}`, () => {
    let current: EventStoreContractSubject | null = null;
    const subject = () => {
      if (!current) throw new Error('The contract subject is not open');
      return current;
    };
    beforeAll(async () => {
      current = await factory();
    });
    afterAll(async () => {
      await current?.close();
    });

    describeAppendContract(subject);
    describeConcurrentAppendContract(subject);
    describeReadContract(subject);
    describeSubscriptionContract(subject);
    describeCheckpointedSubscriberContract(subject);
    describeIntegrityContract(subject, options.tamperUnavailable ?? null);
    describePersonalDataContract(subject);
    describeBadInputContract(subject);
  });
}
