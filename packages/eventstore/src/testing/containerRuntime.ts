// Whether testcontainers can reach a container runtime (Docker, Podman, ...), for every suite that
// needs one (the KurrentDB contract here, the Kafka bridge in services/notifications). Detected
// once per Jest run by the global setup and handed to the test files through an environment
// variable, because Jest must know while it collects tests whether such a suite can run at all.
// Test support: import from '@kot/eventstore/src/testing/containerRuntime'.
import { execFileSync } from 'node:child_process';

export interface ContainerRuntimeStatus {
  available: boolean;
  /** What was found, or why nothing was: printed when a suite that needs it is skipped. */
  reason: string;
}

/** Set by the Jest global setup; may also be set by hand, e.g. `{"available":false,"reason":"CI has no Docker"}`. */
export const containerRuntimeVariable = 'KOT_CONTAINER_RUNTIME';

const detectionTimeoutMs = 5000;

export async function detectContainerRuntime(
  timeoutMs = detectionTimeoutMs,
): Promise<ContainerRuntimeStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ContainerRuntimeStatus>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          available: false,
          reason: `no answer from a container runtime within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
  });
  const detection = (async (): Promise<ContainerRuntimeStatus> => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      const { info } = await getContainerRuntimeClient();
      const runtime = info.containerRuntime;
      return {
        available: true,
        reason: `${runtime.operatingSystem} ${runtime.architecture} at ${runtime.host}`,
      };
    } catch (error) {
      return { available: false, reason: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([detection, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function recordContainerRuntime(status: ContainerRuntimeStatus): void {
  process.env[containerRuntimeVariable] = JSON.stringify(status);
}

/**
 * The status recorded by the global setup; when the setup was not wired in, detects it in a child
 * process so that the answer is available synchronously, at test collection time.
 */
export function containerRuntimeStatus(): ContainerRuntimeStatus {
  const recorded = process.env[containerRuntimeVariable];
  if (recorded) return JSON.parse(recorded) as ContainerRuntimeStatus;
  const probe = `
    const { getContainerRuntimeClient } = require(${JSON.stringify(require.resolve('testcontainers'))});
    getContainerRuntimeClient().then(
      ({ info }) => console.log(JSON.stringify({ available: true, reason: info.containerRuntime.host })),
      (error) => console.log(JSON.stringify({ available: false, reason: error.message })),
    ).finally(() => process.exit(0));`;
  try {
    const output = execFileSync(process.execPath, ['-e', probe], {
      timeout: detectionTimeoutMs,
      encoding: 'utf8',
    });
    const status = JSON.parse(output.trim().split('\n').pop() ?? '') as ContainerRuntimeStatus;
    recordContainerRuntime(status);
    return status;
  } catch (error) {
    return {
      available: false,
      reason: `detection failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
