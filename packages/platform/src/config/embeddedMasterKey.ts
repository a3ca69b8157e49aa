import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'personal-data-master.key';

/**
 * Embedded mode only: the master key lives beside the data it protects, created on first start,
 * so `npm start` needs no setup. Servers set PERSONAL_DATA_MASTER_KEY and keep it elsewhere.
 */
export function embeddedMasterKey(dataDir: string): Buffer {
  const file = join(dataDir, FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // 'wx': never overwrite a key another process has just written; losing it loses the data.
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
