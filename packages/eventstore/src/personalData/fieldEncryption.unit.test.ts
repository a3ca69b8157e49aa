import { createCipheriv, randomBytes } from 'node:crypto';
import {
  createDataKey,
  decryptValue,
  encryptValue,
  ENCRYPTED_MARKER,
  isEncryptedValue,
  parseMasterKey,
  PersonalDataKeyError,
  unwrapDataKey,
  wrapDataKey,
} from './fieldEncryption';

const place = { streamId: 'case-1', path: ['household', 'partners', 0, 'bsn'] };

/** A field as the first format stored it: no version prefix, no additional data. */
function legacyField(key: Buffer, value: unknown) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    [ENCRYPTED_MARKER]: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64'),
  };
}

describe('field encryption', () => {
  it('round-trips any JSON value and never repeats a ciphertext', () => {
    const key = createDataKey();
    for (const value of ['123456782', 42, { first: 'Noor' }, ['a'], true]) {
      const encrypted = encryptValue(key, value, place);
      expect(isEncryptedValue(encrypted)).toBe(true);
      expect(decryptValue(key, encrypted, place)).toEqual(value);
    }
    expect(encryptValue(key, 'x', place)[ENCRYPTED_MARKER]).not.toBe(
      encryptValue(key, 'x', place)[ENCRYPTED_MARKER],
    );
  });

  it('never uses an IV twice, also across many pools of them', () => {
    const key = createDataKey();
    const ivs = new Set<string>();
    const sealed = 5_000;
    for (let i = 0; i < sealed; i++) {
      const [, base64] = encryptValue(key, i, place)[ENCRYPTED_MARKER].split(':') as [
        string,
        string,
      ];
      ivs.add(Buffer.from(base64, 'base64').subarray(0, 12).toString('hex'));
    }
    expect(ivs.size).toBe(sealed);
  });

  it('refuses a changed ciphertext or the wrong key', () => {
    const key = createDataKey();
    const encrypted = encryptValue(key, 'secret', place);
    const [prefix, sealed] = encrypted[ENCRYPTED_MARKER].split(':') as [string, string];
    const bytes = Buffer.from(sealed, 'base64');
    const last = bytes.length - 1;
    bytes.writeUInt8(bytes.readUInt8(last) ^ 1, last);
    const altered = { [ENCRYPTED_MARKER]: `${prefix}:${bytes.toString('base64')}` };
    expect(() => decryptValue(key, altered, place)).toThrow(PersonalDataKeyError);
    expect(() => decryptValue(createDataKey(), encrypted, place)).toThrow(PersonalDataKeyError);
  });

  it('refuses a ciphertext moved to another stream or another field', () => {
    const key = createDataKey();
    const encrypted = encryptValue(key, '123456782', place);

    expect(() => decryptValue(key, encrypted, { ...place, streamId: 'case-2' })).toThrow(
      PersonalDataKeyError,
    );
    expect(() =>
      decryptValue(key, encrypted, { ...place, path: ['household', 'partners', 1, 'bsn'] }),
    ).toThrow(PersonalDataKeyError);
  });

  it('still reads fields stored in the first format, without a place', () => {
    const key = createDataKey();
    const stored = legacyField(key, { first: 'Noor' });

    expect(decryptValue(key, stored, place)).toEqual({ first: 'Noor' });
    expect(decryptValue(key, stored, { streamId: 'other', path: [] })).toEqual({ first: 'Noor' });
  });

  it('wraps data keys so they unwrap only with the same master key and stream', () => {
    const master = randomBytes(32);
    const dataKey = createDataKey();
    const wrapped = wrapDataKey(master, 'case-1', dataKey);
    expect(unwrapDataKey(master, 'case-1', wrapped)).toEqual(dataKey);
    expect(() => unwrapDataKey(master, 'case-2', wrapped)).toThrow(PersonalDataKeyError);
    expect(() => unwrapDataKey(randomBytes(32), 'case-1', wrapped)).toThrow(PersonalDataKeyError);
  });

  it('accepts only a 32-byte base64 master key', () => {
    expect(parseMasterKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => parseMasterKey('c2hvcnQ=')).toThrow(PersonalDataKeyError);
  });

  it('recognises only objects that hold nothing but the marker', () => {
    expect(isEncryptedValue({ [ENCRYPTED_MARKER]: 'x', other: 1 })).toBe(false);
    expect(isEncryptedValue('x')).toBe(false);
  });
});
