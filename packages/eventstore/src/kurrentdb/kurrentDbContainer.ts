// Starts a throw-away single-node KurrentDB for the integration tests, in insecure mode and in
// memory. KURRENTDB_IMAGE picks another image, e.g. `eventstore/eventstore:24.10` (its settings
// then use the older EVENTSTORE_ prefix).
import type { StartedTestContainer } from 'testcontainers';

// Pinned, the same as infra/docker-compose.kurrentdb.yml, and at least 22.6 (stream reads carry
// log positions from that version on).
export const defaultKurrentDbImage = 'docker.kurrent.io/kurrent-latest/kurrentdb:25.0';

export interface StartedKurrentDb {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startKurrentDb(
  image = process.env.KURRENTDB_IMAGE ?? defaultKurrentDbImage,
): Promise<StartedKurrentDb> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const prefix = image.includes('eventstore') ? 'EVENTSTORE' : 'KURRENTDB';
  const container: StartedTestContainer = await new GenericContainer(image)
    .withEnvironment({
      [`${prefix}_INSECURE`]: 'true',
      [`${prefix}_MEM_DB`]: 'true',
      [`${prefix}_RUN_PROJECTIONS`]: 'None',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    async stop() {
      await container.stop();
    },
  };
}
