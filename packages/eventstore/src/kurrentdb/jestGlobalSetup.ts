// Jest global setup of packages/eventstore: detects once per run whether a container runtime is
// reachable and records the answer for the test workers (see containerRuntime.ts).
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
      `\n[eventstore] No container runtime (${status.reason}): the KurrentDB contract suite will be SKIPPED.\n`,
    );
  }
}
