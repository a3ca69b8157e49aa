// The contract suite against a real KurrentDB started with testcontainers. Where no container
// runtime is reachable (or the client is not installed) the suite is skipped, loudly, with the
// reason: it never fails for want of Docker and never passes without having run.
import { describeEventStoreContract } from '../contract/eventStoreContract';
import { containerRuntimeStatus } from '../testing/containerRuntime';
import { skippingKnownDeviations } from './knownDeviations';
import { connectKurrentClient, isKurrentClientInstalled } from './kurrentClient';
import { createKurrentContractSubject, sideDatabaseSkipReason } from './kurrentContractSubject';
import { startKurrentDb, type StartedKurrentDb } from './kurrentDbContainer';

function skipReasonOf(): string | null {
  const runtime = containerRuntimeStatus();
  if (!runtime.available) return `no container runtime for testcontainers (${runtime.reason})`;
  if (!isKurrentClientInstalled()) {
    return '@kurrent/kurrentdb-client is not installed (npm install @kurrent/kurrentdb-client@1.3.1 -w packages/eventstore)';
  }
  return sideDatabaseSkipReason();
}

const skipReason = skipReasonOf();
let kurrentDb: StartedKurrentDb | null = null;

if (!skipReason) {
  beforeAll(async () => {
    kurrentDb = await startKurrentDb();
  }, 180_000);
  afterAll(async () => {
    await kurrentDb?.stop();
  });
}

skippingKnownDeviations(() =>
  describeEventStoreContract(
    'KurrentDB (testcontainers)',
    async () => {
      if (!kurrentDb) throw new Error('KurrentDB did not start');
      return createKurrentContractSubject(connectKurrentClient(kurrentDb.connectionString));
    },
    {
      skipReason,
      tamperUnavailable:
        'KurrentDB events are immutable: the tamper tests need an engine whose stored events can be edited in place',
    },
  ),
);
