import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStoreConfig, openProtectedEventStore } from '@kot/platform';
import { runSteps } from '../testing/caseWriter';
import { requestedCase } from '../testing/scenarios';
import { runReplay } from './replayCommand';

describe('npm run replay on the embedded data directory', () => {
  let parent: string;
  let output: { info: string[]; error: string[] };
  const out = {
    info: (line: string) => output.info.push(line),
    error: (line: string) => output.error.push(line),
  };

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'kot-replay-'));
  });
  beforeEach(() => {
    output = { info: [], error: [] };
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('refuses a directory without platform data, and creates nothing there', async () => {
    const missing = join(parent, 'never-started');
    expect(await runReplay({ DATA_DIR: missing }, [], out)).toBe(1);
    expect(output.error).toEqual([
      expect.stringMatching(/^There is no platform data in .*never-started/),
    ]);
    expect(existsSync(missing)).toBe(false);
  });

  describe('after the platform recorded a case there', () => {
    const dataDir = () => join(parent, 'data');

    beforeAll(async () => {
      const opened = await openProtectedEventStore(loadStoreConfig({ DATA_DIR: dataDir() }));
      await runSteps(opened.store, requestedCase(randomUUID()));
      await opened.close();
    });

    it('refuses while a running platform has the directory open', async () => {
      // Another live process holding the directory, as `npm start` does while it runs.
      const platform: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      try {
        writeFileSync(join(dataDir(), 'in-use-by.pid'), `${platform.pid}\n`);
        expect(await runReplay({ DATA_DIR: dataDir(), LOG_LEVEL: 'silent' }, [], out)).toBe(1);
        expect(output.error).toEqual([
          expect.stringMatching(
            new RegExp(`in use by a running platform \\(process ${platform.pid}\\)`),
          ),
        ]);
      } finally {
        const exited = new Promise((resolve) => platform.once('exit', resolve));
        platform.kill();
        await exited;
      }
    });

    it('rebuilds every projection from the log without any token settings', async () => {
      expect(await runReplay({ DATA_DIR: dataDir(), LOG_LEVEL: 'silent' }, [], out)).toBe(0);
      expect(output.error).toEqual([]);
      expect(output.info).toEqual([
        expect.stringMatching(/^case-summary v\d+: generation \d+ live at position [1-9]\d* /),
        expect.stringMatching(/^case-history v\d+: generation \d+ live at position [1-9]\d* /),
      ]);
    });

    it('names the projections it knows when asked for one it does not', async () => {
      expect(
        await runReplay({ DATA_DIR: dataDir(), LOG_LEVEL: 'silent' }, ['case-sumary'], out),
      ).toBe(1);
      expect(output.error).toEqual([
        expect.stringMatching(/Unknown projection.*case-summary, case-history/),
      ]);
    });
  });
});
