// An EventStore decorator that keeps personal data out of the log in clear text: the fields the
// domain marks as personal are encrypted with the stream's data key before the append (so the
// hash chain covers the ciphertext) and decrypted on every read and subscription batch. After
// forget(streamId) those fields read as REDACTED while the stream still replays and verifies.
//
// Reading never fails on a personal field: one that does not decrypt reads as UNREADABLE and is
// reported through onUnreadable, so a damaged value cannot halt every projection behind it.

import type { AppendResult, EventStore, NewEvent, RecordedEvent } from '../eventStore';
import { InvalidEventError } from '../errors';
import { NotJsonError } from '../integrity/canonicalJson';
import { prepareAppend } from '../prepareAppend';
import {
  createDataKey,
  decryptValue,
  encryptValue,
  ENCRYPTED_MARKER,
  isEncryptedValue,
  PersonalDataKeyError,
  REDACTED,
  UNREADABLE,
  type EncryptedValue,
  type FieldPlace,
} from './fieldEncryption';
import { PersonalDataForgottenError, type KeyStore, type ReadingKey } from './keyStore';
import {
  describePlace,
  isRecord,
  mapFieldPath,
  parseFieldPath,
  type PathSegment,
  type PathStep,
} from './personalFieldPaths';

/** A personal field that read as UNREADABLE: where it is, never what it held. */
export interface UnreadablePersonalField {
  streamId: string;
  eventId: string;
  position: number;
  /** Its place in the event's data, e.g. `household.partners[1].bsn`. */
  path: string;
  /** The value does not decrypt at this place with the stream's key, or that key does not unwrap. */
  reason: 'does_not_decrypt' | 'key_does_not_unwrap';
}

export interface PersonalDataOptions {
  keyStore: KeyStore;
  /** Paths of the personal fields of an event type and version, e.g. `household.partners[].bsn`. */
  personalFields(type: string, schemaVersion: number): readonly string[];
  /**
   * Told of every personal field that reads as UNREADABLE. The store logs nothing itself (the
   * value is personal data); route this to monitoring. Its own failures are ignored.
   */
  onUnreadable?(field: UnreadablePersonalField): void;
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
  const trialKey = createDataKey();
  const parsedPaths = new Map<string, PathSegment[][]>();
  const pathsOf = (type: string, schemaVersion: number) => {
    const cacheKey = `${type}@${schemaVersion}`;
    let paths = parsedPaths.get(cacheKey);
    if (!paths) {
      paths = [...new Set(options.personalFields(type, schemaVersion))].map(parseFieldPath);
      parsedPaths.set(cacheKey, paths);
    }
    return paths;
  };

  /** The events with their personal fields encrypted with `key`; null when they hold none. */
  const encryptEvents = (streamId: string, events: NewEvent[], key: Buffer) => {
    let encrypted = false;
    const result = events.map((event) => {
      if (!isRecord(event) || !isRecord(event.data)) return event;
      let data: unknown = event.data;
      for (const path of pathsOf(event.type, event.schemaVersion)) {
        data = mapFieldPath(data, path, (value, at) => {
          // Already encrypted here: an earlier, overlapping path of the same event reached it.
          if (value === null || value === undefined || isEncryptedValue(value)) return value;
          encrypted = true;
          return encryptField(key, value, { streamId, path: at }, event.eventId);
        });
      }
      return { ...event, data: data as NewEvent['data'] };
    });
    return encrypted ? result : null;
  };

  /** After forget(): only an exact retry of an append already stored is still answered. */
  const resultOfStoredRetry = async (
    streamId: string,
    eventIds: readonly string[],
    forgotten: PersonalDataForgottenError,
  ): Promise<AppendResult> => {
    const ids = new Set(eventIds);
    const stored = (await store.readStream(streamId)).filter((event) => ids.has(event.eventId));
    if (stored.length !== ids.size) throw forgotten;
    return {
      streamId,
      nextExpectedRevision: Math.max(...stored.map((event) => event.revision)),
      lastPosition: Math.max(...stored.map((event) => event.position)),
    };
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
      const data = mapEncryptedValues(event.data, [], (value, at) =>
        readField(event, key, value, at),
      );
      return { ...event, data: data as RecordedEvent['data'] };
    });
  };

  /**
   * Values already decrypted, per data key: every command reads its case's whole stream, and
   * decrypting the same fields again was a tenth of its time. A memo lives exactly as long as the
   * key it belongs to is held (the key store's cache: a minute at most, gone at once when the key is
   * forgotten, here or in another process), so it keeps nothing readable that the key would not.
   * Only plain values, never objects a caller could change; keyed by place too, so a ciphertext
   * copied to another place still reads as UNREADABLE.
   */
  const decrypted = new WeakMap<Buffer, Map<string, unknown>>();
  const readField = (
    event: RecordedEvent,
    key: ReadingKey | undefined,
    value: EncryptedValue,
    at: readonly PathStep[],
  ): unknown => {
    if (key === undefined) return REDACTED;
    if (key !== 'unreadable') {
      let memo = decrypted.get(key);
      if (!memo) {
        memo = new Map();
        decrypted.set(key, memo);
      }
      const place = `${value[ENCRYPTED_MARKER]} ${at.join('/')}`;
      const known = memo.get(place);
      if (known !== undefined) return known;
      try {
        const plain = decryptValue(key, value, { streamId: event.streamId, path: at });
        if (plain === null || typeof plain !== 'object') memo.set(place, plain);
        return plain;
      } catch (error) {
        if (!(error instanceof PersonalDataKeyError)) throw error;
      }
    }
    try {
      options.onUnreadable?.({
        streamId: event.streamId,
        eventId: event.eventId,
        position: event.position,
        path: describePlace(at),
        reason: key === 'unreadable' ? 'key_does_not_unwrap' : 'does_not_decrypt',
      });
    } catch {
      /* a failing monitor must not stop the read */
    }
    return UNREADABLE;
  };

  return {
    async append(streamId, events, appendOptions) {
      if (!Array.isArray(events)) return store.append(streamId, events, appendOptions);
      refuseEncryptedShapes(events);
      // Everything the store would refuse for its input is refused before a key is created: the
      // events are checked as they will be stored, encrypted with a throwaway key (ciphertexts
      // have the same size whatever the key) that never leaves this process's memory.
      const trial = encryptEvents(streamId, events, trialKey);
      if (!trial) return store.append(streamId, events, appendOptions);
      const prepared = prepareAppend(streamId, trial, appendOptions);
      let key: Buffer;
      try {
        key = await keyStore.keyForWriting(streamId);
      } catch (error) {
        if (!(error instanceof PersonalDataForgottenError)) throw error;
        return resultOfStoredRetry(
          streamId,
          prepared.events.map((event) => event.eventId),
          error,
        );
      }
      return store.append(streamId, encryptEvents(streamId, events, key)!, appendOptions);
    },
    readStream: async (streamId, readOptions) =>
      decrypt(await store.readStream(streamId, readOptions)),
    readStreamStarts: async (streamIds) => decrypt(await store.readStreamStarts(streamIds)),
    readAll: async (readOptions) => decrypt(await store.readAll(readOptions)),
    subscribeToAll: (subscribeOptions) =>
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

function encryptField(key: Buffer, value: unknown, place: FieldPlace, eventId: unknown) {
  try {
    return encryptValue(key, value, place);
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new InvalidEventError(
        `not JSON in a personal field: ${error.message}`,
        typeof eventId === 'string' ? eventId : null,
      );
    }
    throw error;
  }
}

/**
 * On read every `{"$encrypted": …}` is taken for a personal field, so a writer may not supply that
 * shape: it would be stored as given and read back as something it never was.
 */
function refuseEncryptedShapes(events: readonly NewEvent[]): void {
  for (const event of events) {
    const at = isRecord(event) ? placeOfMarker(event.data, []) : null;
    if (!at) continue;
    throw new InvalidEventError(
      `data holds an object with the key "${ENCRYPTED_MARKER}" at ${describePlace(at) || 'its top'}: ` +
        'that key is reserved for the personal fields the store encrypts itself',
      typeof event.eventId === 'string' ? event.eventId : null,
    );
  }
}

function placeOfMarker(value: unknown, at: readonly PathStep[]): PathStep[] | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = placeOfMarker(item, [...at, index]);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    if (Object.hasOwn(value, ENCRYPTED_MARKER)) return [...at];
    for (const [key, item] of Object.entries(value)) {
      const found = placeOfMarker(item, [...at, key]);
      if (found) return found;
    }
  }
  return null;
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
  at: readonly PathStep[],
  transform: (value: EncryptedValue, at: readonly PathStep[]) => unknown,
): unknown {
  if (isEncryptedValue(value)) return transform(value, at);
  if (Array.isArray(value)) {
    return value.map((item, index) => mapEncryptedValues(item, [...at, index], transform));
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = mapEncryptedValues(item, [...at, key], transform);
    }
    return copy;
  }
  return value;
}
