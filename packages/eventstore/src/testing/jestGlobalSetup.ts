// Jest global setup of the projects with container suites (packages/eventstore: KurrentDB;
// services/notifications: Kafka): detects once per run whether a container runtime is reachable,
// records the answer for the test workers (see containerRuntime.ts) and says what will be skipped.
import {
  containerRuntimeVariable,
  detectContainerRuntime,
  recordContainerRuntime,
} from './containerRuntime';

export default async function detectContainerRuntimeOnce(): Promise<void> {
  // A value set by hand (or by an outer run) wins.
  if (process.env[containerRuntimeVariable]) return;
  const status = await detectContainerRuntime();
  recordContainerRuntime(status);
  if (!status.available) {
    console.warn(
      `\n[tests] No container runtime (${status.reason}): the suites that need one, the KurrentDB contract (packages/eventstore) and the Kafka bridge (services/notifications), will be SKIPPED.\n`,
    );
  }
}
