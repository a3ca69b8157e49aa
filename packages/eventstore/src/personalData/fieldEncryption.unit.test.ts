import { randomBytes } from 'node:crypto';
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

describe('field encryption', () => {
  it('round-trips any JSON value and never repeats a ciphertext', () => {
    const key = createDataKey();
    for (const value of ['123456782', 42, { first: 'Noor' }, ['a'], true]) {
      const encrypted = encryptValue(key, value);
      expect(isEncryptedValue(encrypted)).toBe(true);
      expect(decryptValue(key, encrypted)).toEqual(value);
    }
    expect(encryptValue(key, 'x')[ENCRYPTED_MARKER]).not.toBe(
      encryptValue(key, 'x')[ENCRYPTED_MARKER],
    );
  });

  it('refuses a changed ciphertext or the wrong key', () => {
    const key = createDataKey();
    const encrypted = encryptValue(key, 'secret');
    const bytes = Buffer.from(encrypted[ENCRYPTED_MARKER], 'base64');
    const last = bytes.length - 1;
    bytes.writeUInt8(bytes.readUInt8(last) ^ 1, last);
    expect(() => decryptValue(key, { [ENCRYPTED_MARKER]: bytes.toString('base64') })).toThrow(
      PersonalDataKeyError,
    );
    expect(() => decryptValue(createDataKey(), encrypted)).toThrow(PersonalDataKeyError);
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
