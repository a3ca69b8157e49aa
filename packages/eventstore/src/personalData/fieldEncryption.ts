// AES-256-GCM for personal fields and for wrapping the per-stream data keys. Formats (stored in
// events and in the key table; never change them without a new marker):
//
//   encrypted field: { "$encrypted": "v2:" + base64(iv[12] | tag[16] | ciphertext) }
//                    plaintext = canonical JSON of the original value, UTF-8; key = the stream's
//                    data key; additional data = "kot-personal-field:" + JSON.stringify([streamId,
//                    ...path]), path = the field's place in the event data (keys and array indexes),
//                    so a ciphertext copied to another stream or field no longer decrypts
//   legacy field:    { "$encrypted": base64(iv[12] | tag[16] | ciphertext) } (no prefix): the
//                    same without additional data; still read, never written (see README, decision 6)
//   wrapped data key: base64(iv[12] | tag[16] | ciphertext[32])
//                    key = master key, additional data = "kot-data-key:" + streamId
//
// A fresh random IV per encryption; GCM's tag makes any change to a ciphertext fail to decrypt.

import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { EventStoreError } from '../errors';
import { canonicalJson } from '../integrity/canonicalJson';
import { isRecord, type PathStep } from './personalFieldPaths';

export const ENCRYPTED_MARKER = '$encrypted';
/** What a personal field reads as once its stream's key has been forgotten. */
export const REDACTED = '[REDACTED]';
/**
 * What a personal field reads as when its stored value does not decrypt (altered in the database,
 * or moved from another field or stream) or its key does not unwrap: the rest of the event and of
 * the log still reads. See PersonalDataOptions.onUnreadable.
 */
export const UNREADABLE = '[UNREADABLE]';

export interface EncryptedValue {
  [ENCRYPTED_MARKER]: string;
}

/** Where an encrypted value belongs: the ciphertext is bound to both. */
export interface FieldPlace {
  streamId: string;
  path: readonly PathStep[];
}

const FORMAT_PREFIX = 'v2:';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class PersonalDataKeyError extends EventStoreError {}

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  return (
    isRecord(value) &&
    typeof value[ENCRYPTED_MARKER] === 'string' &&
    Object.keys(value).length === 1
  );
}

export function encryptValue(dataKey: Buffer, value: unknown, place: FieldPlace): EncryptedValue {
  const plaintext = Buffer.from(canonicalJson(value), 'utf8');
  return { [ENCRYPTED_MARKER]: FORMAT_PREFIX + seal(dataKey, plaintext, fieldContext(place)) };
}

/** The original value; PersonalDataKeyError when it does not decrypt with this key at this place. */
export function decryptValue(dataKey: Buffer, value: EncryptedValue, place: FieldPlace): unknown {
  const sealed = value[ENCRYPTED_MARKER];
  const plaintext = sealed.startsWith(FORMAT_PREFIX)
    ? open(dataKey, sealed.slice(FORMAT_PREFIX.length), fieldContext(place))
    : open(dataKey, sealed);
  if (!plaintext) {
    throw new PersonalDataKeyError(
      'A personal field does not decrypt with its stream key at its place in the event',
    );
  }
  try {
    return JSON.parse(plaintext.toString('utf8')) as unknown;
  } catch {
    throw new PersonalDataKeyError('A personal field decrypts to something that is not JSON');
  }
}

export function createDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function wrapDataKey(masterKey: Buffer, streamId: string, dataKey: Buffer): string {
  return seal(masterKey, dataKey, wrappingContext(streamId));
}

export function unwrapDataKey(masterKey: Buffer, streamId: string, wrapped: string): Buffer {
  const dataKey = open(masterKey, wrapped, wrappingContext(streamId));
  if (!dataKey || dataKey.length !== KEY_BYTES) {
    throw new PersonalDataKeyError(
      `The data key of ${streamId} does not unwrap: wrong master key or altered key row`,
    );
  }
  return dataKey;
}

/** The master key from configuration: 32 random bytes, base64 (`openssl rand -base64 32`). */
export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new PersonalDataKeyError(`The master key must be ${KEY_BYTES} bytes in base64`);
  }
  return key;
}

function fieldContext({ streamId, path }: FieldPlace): Buffer {
  return Buffer.from(`kot-personal-field:${JSON.stringify([streamId, ...path])}`, 'utf8');
}

function wrappingContext(streamId: string): Buffer {
  return Buffer.from(`kot-data-key:${streamId}`, 'utf8');
}

/**
 * Node checks a raw key on every cipher it makes (a large share of a command's time in profiles);
 * a KeyObject is checked once. Held only as long as the key's Buffer is (the key store's cache).
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObjectOf(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

/**
 * Fresh random IVs, cut from a pool drawn 4 KiB at a time: one draw from the random source costs
 * about as much for 4 KiB as for 12 bytes (5 µs here), and a command seals a dozen fields. Each IV is
 * handed out once; a used pool is replaced, never refilled in place.
 */
const IV_POOL_BYTES = IV_BYTES * 340;
let ivPool = Buffer.alloc(0);
let ivTaken = 0;
function freshIv(): Buffer {
  if (ivTaken + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivTaken = 0;
  }
  const iv = ivPool.subarray(ivTaken, ivTaken + IV_BYTES);
  ivTaken += IV_BYTES;
  return iv;
}

function seal(key: Buffer, plaintext: Buffer, additionalData?: Buffer): string {
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, keyObjectOf(key), iv);
  if (additionalData) cipher.setAAD(additionalData);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

function open(key: Buffer, sealed: string, additionalData?: Buffer): Buffer | null {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, keyObjectOf(key), bytes.subarray(0, IV_BYTES));
    if (additionalData) decipher.setAAD(additionalData);
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
