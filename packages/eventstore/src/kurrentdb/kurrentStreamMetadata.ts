// The port's stream metadata on KurrentDB. It lives under one custom key of KurrentDB's stream
// metadata (`kotMetadata`), so no key of the platform's can ever set KurrentDB's own (maxAge,
// maxCount, truncateBefore, acl), which would truncate or hide the log; the operator's settings
// are kept on every write (read, merge, write with the metastream's revision as expectation).
import type { StreamMetadata } from '../eventStore';
import { platformMetadataKey } from './eventMapping';
import {
  NO_STREAM,
  isStreamNotFound,
  isWrongExpectedVersion,
  type KurrentClient,
} from './kurrentClient';
import { pauseAfter, type RetryPolicy, type RetryTiming } from './retryPolicy';

export interface KurrentStreamMetadataDependencies {
  client: KurrentClient;
  withTransientRetry<T>(what: string, call: () => Promise<T>): Promise<T>;
  /** Attempts when another writer changed the stream's metadata in between. */
  raceRetry: RetryPolicy;
  timing: RetryTiming;
}

export function createKurrentStreamMetadata({
  client,
  withTransientRetry,
  raceRetry,
  timing,
}: KurrentStreamMetadataDependencies) {
  async function read(streamId: string) {
    try {
      return await withTransientRetry('read', () =>
        client.getStreamMetadata(streamId, { requiresLeader: true }),
      );
    } catch (error) {
      if (isStreamNotFound(error)) return { metadata: undefined, metastreamRevision: undefined };
      throw error;
    }
  }

  return {
    async get(streamId: string): Promise<StreamMetadata | null> {
      const { metadata } = await read(streamId);
      const platform = metadata?.[platformMetadataKey];
      return typeof platform === 'object' && platform !== null && !Array.isArray(platform)
        ? (platform as StreamMetadata)
        : null;
    },

    async set(streamId: string, metadata: StreamMetadata): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        const { metadata: current, metastreamRevision } = await read(streamId);
        try {
          await withTransientRetry('metadata', () =>
            client.setStreamMetadata(
              streamId,
              { ...current, [platformMetadataKey]: metadata },
              {
                expectedRevision: metastreamRevision === undefined ? NO_STREAM : metastreamRevision,
                requiresLeader: true,
              },
            ),
          );
          return;
        } catch (error) {
          if (!isWrongExpectedVersion(error) || attempt >= raceRetry.attempts) throw error;
          await timing.sleep(pauseAfter(raceRetry, attempt, timing));
        }
      }
    },
  };
}
