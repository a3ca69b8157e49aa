// Whether testcontainers can reach a container runtime, answered synchronously (Jest must know
// while collecting tests). The same approach as packages/eventstore's KurrentDB suite, which does
// not export its helper; switch to it once it does.

import { execFileSync } from 'node:child_process';

export interface ContainerRuntimeStatus {
  available: boolean;
  reason: string;
}

const VARIABLE = 'NOTIFICATIONS_CONTAINER_RUNTIME';

export function containerRuntimeStatus(timeoutMs = 8_000): ContainerRuntimeStatus {
  const recorded = process.env[VARIABLE];
  if (recorded) return JSON.parse(recorded) as ContainerRuntimeStatus;
  const probe = `
    const { getContainerRuntimeClient } = require(${JSON.stringify(require.resolve('testcontainers'))});
    getContainerRuntimeClient().then(
      ({ info }) => console.log(JSON.stringify({ available: true, reason: info.containerRuntime.host })),
      (error) => console.log(JSON.stringify({ available: false, reason: error.message })),
    ).finally(() => process.exit(0));`;
  let status: ContainerRuntimeStatus;
  try {
    const output = execFileSync(process.execPath, ['-e', probe], {
      timeout: timeoutMs,
      encoding: 'utf8',
    });
    status = JSON.parse(output.trim().split('\n').pop() ?? '') as ContainerRuntimeStatus;
  } catch (error) {
    status = { available: false, reason: `detection failed: ${(error as Error).message}` };
  }
  process.env[VARIABLE] = JSON.stringify(status);
  return status;
}
