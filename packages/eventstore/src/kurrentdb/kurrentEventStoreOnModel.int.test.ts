// The contract suite against the adapter over an in-memory model of the KurrentDB server: the
// adapter's own logic (hash chain, revision and position mapping, idempotent retries, batching
// subscriptions) runs here on every machine. The real server is covered by
// kurrentEventStore.int.test.ts where a container runtime exists.
import { describeEventStoreContract } from '../contract/eventStoreContract';
import { createInMemoryKurrentClient } from './inMemoryKurrentClient';
import { createKurrentContractSubject, sideDatabaseSkipReason } from './kurrentContractSubject';
import { skippingKnownDeviations } from './knownDeviations';

skippingKnownDeviations(() =>
  describeEventStoreContract(
    'KurrentDB adapter over an in-memory model of the server',
    async () => {
      const client = createInMemoryKurrentClient();
      return createKurrentContractSubject(client, {
        alterData: async (streamId, revision, data) =>
          client.tamper.alterData(streamId, revision, data),
        remove: async (streamId, revision) => client.tamper.remove(streamId, revision),
        swap: async (streamId, a, b) => client.tamper.swap(streamId, a, b),
      });
    },
    { skipReason: sideDatabaseSkipReason() },
  ),
);
