import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, claimDataDirectory } from './dataDirectoryLock';

describe('a PGlite data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kot-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const lockFile = () => join(dataDir, 'in-use-by.pid');

  it('is marked with the pid of the process using it, until that process closes it', () => {
    const release = claimDataDirectory(dataDir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('stays claimed while this process still has it open a second time', () => {
    const first = claimDataDirectory(dataDir);
    const second = claimDataDirectory(dataDir);
    first();
    expect(existsSync(lockFile())).toBe(true);
    second();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('is refused while another running process has it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockFile(), `${other.pid}\n`);
      expect(() => claimDataDirectory(dataDir)).toThrow(DataDirectoryInUseError);
    } finally {
      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await exited;
    }
    // Left behind by a process that has ended: free again.
    claimDataDirectory(dataDir)();
  });
});
