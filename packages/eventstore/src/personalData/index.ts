// Crypto-shredding for personal data in events: per-stream keys outside the log, encrypted fields
// inside it, REDACTED after forget.

export {
  protectPersonalData,
  type PersonalDataOptions,
  type ProtectedEventStore,
  type UnreadablePersonalField,
} from './protectPersonalData';
export {
  createSqlKeyStore,
  PersonalDataForgottenError,
  KEY_STORE_COMPONENT,
  type KeyStore,
  type ReadingKey,
  type SqlKeyStoreOptions,
} from './keyStore';
export {
  REDACTED,
  UNREADABLE,
  ENCRYPTED_MARKER,
  PersonalDataKeyError,
  isEncryptedValue,
  parseMasterKey,
  type EncryptedValue,
} from './fieldEncryption';
export { mapFieldPaths, parseFieldPath, type PathStep } from './personalFieldPaths';
