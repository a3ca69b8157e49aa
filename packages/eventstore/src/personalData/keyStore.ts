// One AES-256 data key per stream (per case), kept outside the event log in `personal_data_keys`,
// wrapped with the master key from configuration. Forgetting a stream erases its key material and
// leaves a tombstone, so a later append cannot quietly start a new key for the forgotten person.
//
// Keys are cached in memory (bounded, with a time to live). Forgetting a stream sends a wake-up on
// the database's notification channel (LISTEN/NOTIFY on PostgreSQL, in-process on PGlite): every
// key store on that database, in this process or another, then drops its whole cache at once, so
// an erased person cannot be read from a cached key. The time to live is only the safety net for
// a wake-up lost with a connection (a restored connection also wakes, and clears).

import { EventStoreError } from '../errors';
import { runMigrations, type Migration } from '../sql/migrations';
import type { SqlDatabase } from '../sql/sqlDatabase';
import { createDataKey, PersonalDataKeyError, unwrapDataKey, wrapDataKey } from './fieldEncryption';

export interface KeyStore {
  /** The stream's data key, created on first use. Throws PersonalDataForgottenError once forgotten. */
  keyForWriting(streamId: string): Promise<Buffer>;
  /**
   * Data keys of those streams that have one; forgotten and unknown streams are absent, and a key
   * that does not unwrap (altered key row, wrong master key) is 'unreadable' instead of failing
   * the whole read.
   */
  keysForReading(streamIds: readonly string[]): Promise<Map<string, ReadingKey>>;
  /** Erases the stream's key. Idempotent. */
  forget(streamId: string): Promise<void>;
}

export type ReadingKey = Buffer | 'unreadable';

export class PersonalDataForgottenError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(
      `The personal data of ${streamId} has been forgotten; no new personal data can be stored`,
    );
  }
}

export interface SqlKeyStoreOptions {
  /** 32 bytes; see parseMasterKey. */
  masterKey: Buffer;
  cacheTtlMs?: number;
  cacheSize?: number;
}

export const KEY_STORE_COMPONENT = 'personal_data_keys';

const keyStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'personal data keys',
    sql: `
CREATE TABLE personal_data_keys (
  stream_id     text        PRIMARY KEY,
  wrapped_key   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  forgotten_at  timestamptz,
  CHECK ((wrapped_key IS NULL) = (forgotten_at IS NOT NULL))
);`,
  },
];

const statements = {
  create: {
    name: 'personal_data_key_create',
    text: `INSERT INTO personal_data_keys (stream_id, wrapped_key) VALUES ($1, $2)
           ON CONFLICT (stream_id) DO NOTHING`,
  },
  load: {
    name: 'personal_data_key_load',
    text: 'SELECT stream_id, wrapped_key FROM personal_data_keys WHERE stream_id = ANY($1::text[])',
  },
  forget: {
    name: 'personal_data_key_forget',
    text: `INSERT INTO personal_data_keys (stream_id, wrapped_key, forgotten_at) VALUES ($1, NULL, now())
           ON CONFLICT (stream_id) DO UPDATE
             SET wrapped_key = NULL,
                 forgotten_at = COALESCE(personal_data_keys.forgotten_at, now())`,
  },
};

/** Payload-free, as every wake-up: a listener cannot know which stream, so it forgets them all. */
export const KEY_FORGOTTEN_CHANNEL = 'personal_data_key_forgotten';

const DEFAULT_CACHE_TTL_MS = 60_000;
const DEFAULT_CACHE_SIZE = 10_000;

export async function createSqlKeyStore(
  db: SqlDatabase,
  options: SqlKeyStoreOptions,
): Promise<KeyStore> {
  await runMigrations(db, KEY_STORE_COMPONENT, keyStoreMigrations);
  const { masterKey } = options;
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const size = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  // null = forgotten (or no key): remembered too, so redacted replays do not query every time.
  const cache = new Map<string, { key: Buffer | null; expires: number }>();
  // Bumped by every wake-up: a key loaded while a stream was being forgotten is not kept.
  let generation = 0;
  await db.listen(KEY_FORGOTTEN_CHANNEL, () => {
    generation += 1;
    cache.clear();
  });
  const remember = (streamId: string, key: Buffer | null, loadedIn = generation) => {
    if (loadedIn !== generation) return;
    cache.delete(streamId);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(streamId, { key, expires: Date.now() + ttl });
  };
  const cached = (streamId: string) => {
    const entry = cache.get(streamId);
    if (!entry || entry.expires < Date.now()) return undefined;
    return entry.key;
  };
  /** Per stream with a key row: its key, null once forgotten, or the error unwrapping it. */
  const load = async (streamIds: readonly string[]) => {
    const rows = await db.query<{ stream_id: string; wrapped_key: string | null }>(
      statements.load,
      [streamIds],
    );
    const found = new Map<string, Buffer | null | PersonalDataKeyError>();
    for (const row of rows) {
      if (row.wrapped_key === null) {
        found.set(row.stream_id, null);
        continue;
      }
      try {
        found.set(row.stream_id, unwrapDataKey(masterKey, row.stream_id, row.wrapped_key));
      } catch (error) {
        if (!(error instanceof PersonalDataKeyError)) throw error;
        found.set(row.stream_id, error);
      }
    }
    return found;
  };

  return {
    async keyForWriting(streamId) {
      const known = cached(streamId);
      if (known) return known;
      const loadedIn = generation;
      await db.query(statements.create, [
        streamId,
        wrapDataKey(masterKey, streamId, createDataKey()),
      ]);
      // A separate statement: it sees a concurrent creator's committed key (READ COMMITTED).
      const key = (await load([streamId])).get(streamId);
      if (key instanceof PersonalDataKeyError) throw key;
      if (!key) {
        remember(streamId, null, loadedIn);
        throw new PersonalDataForgottenError(streamId);
      }
      remember(streamId, key, loadedIn);
      return key;
    },
    async keysForReading(streamIds) {
      const keys = new Map<string, ReadingKey>();
      const missing: string[] = [];
      for (const streamId of new Set(streamIds)) {
        const known = cached(streamId);
        if (known) keys.set(streamId, known);
        else if (known === undefined) missing.push(streamId);
      }
      if (missing.length > 0) {
        const loadedIn = generation;
        const loaded = await load(missing);
        for (const streamId of missing) {
          const key = loaded.get(streamId) ?? null;
          if (key instanceof PersonalDataKeyError) {
            // Not cached: a repaired key row (or master key) is picked up on the next read.
            keys.set(streamId, 'unreadable');
            continue;
          }
          // Unknown streams are not cached: their key may be created any moment.
          if (loaded.has(streamId)) remember(streamId, key, loadedIn);
          if (key) keys.set(streamId, key);
        }
      }
      return keys;
    },
    async forget(streamId) {
      await db.query(statements.forget, [streamId]);
      remember(streamId, null);
      db.notify(KEY_FORGOTTEN_CHANNEL);
    },
  };
}
