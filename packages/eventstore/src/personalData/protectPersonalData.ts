// An EventStore decorator that keeps personal data out of the log in clear text: the fields the
// domain marks as personal are encrypted with the stream's data key before the append (so the
// hash chain covers the ciphertext) and decrypted on every read and subscription batch. After
// forget(streamId) those fields read as REDACTED while the stream still replays and verifies.

import type { EventStore, NewEvent, RecordedEvent, SubscribeToAllOptions } from '../eventStore';
import { InvalidEventError } from '../errors';
import { NotJsonError } from '../integrity/canonicalJson';
import { decryptValue, encryptValue, isEncryptedValue, REDACTED } from './fieldEncryption';
import type { KeyStore } from './keyStore';
import { isRecord, mapFieldPath, parseFieldPath, type PathSegment } from './personalFieldPaths';

export interface PersonalDataOptions {
  keyStore: KeyStore;
  /** Paths of the personal fields of an event type and version, e.g. `household.partners[].bsn`. */
  personalFields(type: string, schemaVersion: number): readonly string[];
}

export interface ProtectedEventStore extends EventStore {
  /** Crypto-shredding: erases the stream's key; its personal fields read as REDACTED from now on. */
  forget(streamId: string): Promise<void>;
}

export function protectPersonalData(
  store: EventStore,
  options: PersonalDataOptions,
): ProtectedEventStore {
  const { keyStore } = options;
  const parsedPaths = new Map<string, PathSegment[][]>();
  const pathsOf = (type: string, schemaVersion: number) => {
    const cacheKey = `${type}@${schemaVersion}`;
    let paths = parsedPaths.get(cacheKey);
    if (!paths) {
      paths = options.personalFields(type, schemaVersion).map(parseFieldPath);
      parsedPaths.set(cacheKey, paths);
    }
    return paths;
  };

  const encrypt = async (streamId: string, events: NewEvent[]): Promise<NewEvent[]> => {
    let dataKey: Buffer | null = null;
    const result: NewEvent[] = [];
    for (const event of events) {
      const paths = isRecord(event?.data) ? pathsOf(event.type, event.schemaVersion) : [];
      let data: unknown = event?.data;
      for (const path of paths) {
        const pending: unknown[] = [];
        mapFieldPath(data, path, (value) => {
          if (value !== null && value !== undefined && !isEncryptedValue(value))
            pending.push(value);
          return value;
        });
        if (pending.length === 0) continue;
        dataKey ??= await keyStore.keyForWriting(streamId);
        const key = dataKey;
        data = mapFieldPath(data, path, (value) =>
          value === null || value === undefined || isEncryptedValue(value)
            ? value
            : encryptField(key, value, event.eventId),
        );
      }
      result.push(data === event?.data ? event : { ...event, data: data as NewEvent['data'] });
    }
    return result;
  };

  const decrypt = async (events: RecordedEvent[]): Promise<RecordedEvent[]> => {
    const streamsWithSecrets = events
      .filter((event) => containsEncryptedValue(event.data))
      .map((event) => event.streamId);
    if (streamsWithSecrets.length === 0) return events;
    const keys = await keyStore.keysForReading(streamsWithSecrets);
    return events.map((event) => {
      if (!containsEncryptedValue(event.data)) return event;
      const key = keys.get(event.streamId);
      const data = mapEncryptedValues(event.data, (value) =>
        key ? decryptValue(key, value) : REDACTED,
      );
      return { ...event, data: data as RecordedEvent['data'] };
    });
  };

  return {
    append: async (streamId, events, appendOptions) =>
      store.append(
        streamId,
        Array.isArray(events) ? await encrypt(streamId, events) : events,
        appendOptions,
      ),
    readStream: async (streamId, readOptions) =>
      decrypt(await store.readStream(streamId, readOptions)),
    readAll: async (readOptions) => decrypt(await store.readAll(readOptions)),
    subscribeToAll: (subscribeOptions: SubscribeToAllOptions) =>
      store.subscribeToAll({
        ...subscribeOptions,
        handler: async (events) => subscribeOptions.handler(await decrypt(events)),
      }),
    getStreamMetadata: (streamId) => store.getStreamMetadata(streamId),
    setStreamMetadata: (streamId, metadata) => store.setStreamMetadata(streamId, metadata),
    // The chain covers the stored ciphertext, so verification needs no key.
    verifyStream: (streamId) => store.verifyStream(streamId),
    forget: (streamId) => keyStore.forget(streamId),
    close: () => store.close(),
  };
}

function encryptField(key: Buffer, value: unknown, eventId: string) {
  try {
    return encryptValue(key, value);
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new InvalidEventError(`not JSON in a personal field: ${error.message}`, eventId);
    }
    throw error;
  }
}

function containsEncryptedValue(value: unknown): boolean {
  if (isEncryptedValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsEncryptedValue);
  if (isRecord(value)) return Object.values(value).some(containsEncryptedValue);
  return false;
}

// Every encrypted value anywhere in the data, not only the declared paths, so a field list that
// changes later can never leave ciphertext or key-less data undetected on read.
function mapEncryptedValues(
  value: unknown,
  transform: (value: Parameters<typeof decryptValue>[1]) => unknown,
): unknown {
  if (isEncryptedValue(value)) return transform(value);
  if (Array.isArray(value)) return value.map((item) => mapEncryptedValues(item, transform));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      copy[key] = mapEncryptedValues(item, transform);
    return copy;
  }
  return value;
}
