import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Embedded mode only: secrets live beside the data they protect, created on first start, so
 * `npm start` needs no setup. Servers set PERSONAL_DATA_MASTER_KEY and JWT_SECRET (or JWKS_URL)
 * and keep them elsewhere.
 */
function embeddedSecret(dataDir: string, fileName: string): Buffer {
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // 'wx': never overwrite a secret another process has just written; losing the key loses the data.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}

/** The master key that wraps the per-case data keys. */
export const embeddedMasterKey = (dataDir: string): Buffer =>
  embeddedSecret(dataDir, 'personal-data-master.key');

/** The HS256 secret the embedded demo signs its tokens with (base64 of 32 random bytes). */
export const embeddedJwtSecret = (dataDir: string): string =>
  embeddedSecret(dataDir, 'jwt-secret.key').toString('base64');
