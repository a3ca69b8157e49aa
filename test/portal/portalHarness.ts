// What every portal test file needs: the portal built, the platform started on a free loopback
// port with the demo data, Chromium, and the steps a user takes (sign in, open a case, act), plus
// the axe check and a screenshot of every page checked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Actor } from '@kot/domain';
import { issueToken, type Environment } from '@kot/platform';
import { startPlatform, type RunningPlatform } from '@kot/all-in-one';
import { axeResults, seriousViolations } from './accessibility';
import { buildPortal } from './buildPortal';
import {
  chromiumAvailable,
  chromiumPath,
  launchPortalBrowser,
  type PortalBrowser,
} from './portalBrowser';

export const artifacts = join(__dirname, '../artifacts');

if (!chromiumAvailable) {
  console.warn(
    `SKIPPED portal browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium).`,
  );
}
export const describeInBrowser = chromiumAvailable ? describe : describe.skip;

/** Asks `read` again (every 200 ms, at most `timeoutMs`) until `ok` holds; then returns the value. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface PortalHarness {
  platform: RunningPlatform;
  page: Page;
  browser: PortalBrowser;
  /** Screenshots the page as test/artifacts/portal-<name>.png and expects no serious axe finding. */
  check(name: string): Promise<void>;
  signInAs(key: string): Promise<void>;
  openCase(caseId: string): Promise<void>;
  /**
   * Opens an action by its button (under "Andere acties" when it is there), lets `fill` complete
   * the form, sends it, confirms it with the button `confirm` when given, waits for the receipt.
   */
  act(
    action: string,
    fill?: (form: Locator) => Promise<void>,
    submit?: string,
    confirm?: string,
  ): Promise<void>;
  /** Opens "Andere acties" on the case page when it is there and closed. */
  showOtherActions(): Promise<void>;
  /** A token as the identity provider would issue it, signed with the platform's own secret. */
  tokenFor(actor: Actor, ttlSeconds?: number, secret?: string): Promise<string>;
}

export interface PortalOptions {
  /** More platform settings (an identity provider), read when beforeAll starts the platform. */
  env?: () => Environment;
  /** The platform's business clock (tokens keep real time); the real clock when left out. */
  clock?: () => Date;
}

/**
 * Sets up beforeAll/afterAll for one test file and returns the harness, filled in once beforeAll
 * has run. `prefix` names the file's axe report (test/artifacts/portal-axe-<prefix>.json).
 */
export function usePortal(prefix: string, options: PortalOptions = {}): PortalHarness {
  const harness = {} as PortalHarness;
  let dataDir = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    buildPortal();
    dataDir = mkdtempSync(join(tmpdir(), 'kot-portal-'));
    const platform = await startPlatform({
      env: {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ...options.env?.(),
      },
      seedDemo: true,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const browser = await launchPortalBrowser();
    const page = browser.page;
    page.setDefaultTimeout(15_000);
    Object.assign(harness, {
      platform,
      browser,
      page,
      async check(name: string) {
        await page.screenshot({ path: join(artifacts, `portal-${name}.png`), fullPage: true });
        expect(await seriousViolations(page, name)).toEqual([]);
      },
      async signInAs(key: string) {
        await page.goto(platform.url);
        const signOut = page.getByRole('button', { name: 'Uitloggen' });
        if (await signOut.isVisible()) await signOut.click();
        await page.locator(`button[data-user="${key}"]`).click();
        await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
      },
      async openCase(caseId: string) {
        await page.goto(`${platform.url}/zaken/${caseId}`);
        await page.getByRole('heading', { name: 'Wat u nu kunt doen' }).waitFor();
      },
      async showOtherActions() {
        const more = page.locator('details.portal-more-actions');
        if ((await more.count()) > 0 && (await more.getAttribute('open')) === null)
          await more.locator('summary').click();
      },
      async act(
        action: string,
        fill: (form: Locator) => Promise<void> = async () => {},
        submit = action,
        confirm?: string,
      ) {
        const button = page.getByRole('button', { name: action, exact: true });
        if (!(await button.isVisible())) await harness.showOtherActions();
        await button.click();
        const form = page.locator('form.portal-command-form');
        await fill(form);
        await form.getByRole('button', { name: submit, exact: true }).click();
        if (confirm) await form.getByRole('button', { name: confirm, exact: true }).click();
        await page.getByText('Vastgelegd:').waitFor();
      },
      async tokenFor(actor: Actor, ttlSeconds = 3600, secret?: string) {
        const auth = platform.config.authentication;
        if (auth.kind !== 'hs256') throw new Error('the test platform signs its own tokens');
        return issueToken(secret ?? auth.secret, actor, ttlSeconds, {
          issuer: auth.issuer,
          audience: auth.audience,
        });
      },
    } satisfies PortalHarness);
  }, 180_000);

  afterAll(async () => {
    await harness.browser?.close();
    await harness.platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    // Each test file has its own module registry, so these are this file's findings.
    writeFileSync(
      join(artifacts, `portal-axe-${prefix}.json`),
      JSON.stringify(axeResults, null, 2),
    );
  });

  return harness;
}
