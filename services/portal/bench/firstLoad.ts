// `npm run bench -w services/portal`: what the first visit costs on a slow link. The built portal
// is served by its own server (server/servePortal.ts, as in production) and opened in headless
// Chromium with the cache off and the link throttled to 1.6 Mbit/s with 150 ms latency (the
// Lighthouse "slow 4G" figures). Per run it counts the JavaScript and CSS bytes the page loaded as
// they travelled (compressed when the server compresses) and reads the first contentful paint.
// Prints the median of the runs and exits with 1 when a median is over its budget.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { readSettings, startPortalServer } from '../server/servePortal';

const budget = { scriptBytes: 150_000, styleBytes: 25_000, firstContentfulPaintMs: 2_500 };
const link = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface FirstLoad {
  scriptBytes: number;
  styleBytes: number;
  otherBytes: number;
  firstContentfulPaintMs: number;
}

async function measureOnce(browser: Browser, url: string): Promise<FirstLoad> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', link);
    const kinds = new Map<string, string>();
    const load: FirstLoad = {
      scriptBytes: 0,
      styleBytes: 0,
      otherBytes: 0,
      firstContentfulPaintMs: 0,
    };
    cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, event.type));
    cdp.on('Network.loadingFinished', (event) => {
      const kind = kinds.get(event.requestId);
      if (kind === 'Script') load.scriptBytes += event.encodedDataLength;
      else if (kind === 'Stylesheet') load.styleBytes += event.encodedDataLength;
      else load.otherBytes += event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // The first paint with content can come after `load` while React renders; wait for it, bounded.
    load.firstContentfulPaintMs = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const read = () =>
            performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
          const now = read();
          if (now !== null) return done(now);
          new PerformanceObserver(() => {
            const later = read();
            if (later !== null) done(later);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => done(Number.NaN), 30_000);
        }),
    );
    // Chunks the first page asks for right after its first render count as initial too.
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    return load;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<number> {
  if (!existsSync(chromiumPath)) {
    console.error(
      `No Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
    return 1;
  }
  const distDir = join(__dirname, '../dist');
  // Nothing listens on port 9: the first page (sign-in) needs no API answer to paint.
  const settings = readSettings({
    PORTAL_DIST: distDir,
    GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    PORT: '0',
  });
  const server = await startPortalServer(settings);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  const loads: FirstLoad[] = [];
  try {
    for (let run = 0; run < runs; run++)
      loads.push(await measureOnce(browser, `http://127.0.0.1:${port}/`));
  } finally {
    await browser.close();
    server.close();
  }
  const result = {
    scriptBytes: median(loads.map((load) => load.scriptBytes)),
    styleBytes: median(loads.map((load) => load.styleBytes)),
    otherBytes: median(loads.map((load) => load.otherBytes)),
    firstContentfulPaintMs: median(loads.map((load) => load.firstContentfulPaintMs)),
  };
  console.log(`First visit, ${runs} runs, link 1.6 Mbit/s down, 150 ms latency (medians):`);
  const rows: [string, number, number | null, string][] = [
    ['JavaScript (bytes on the wire)', result.scriptBytes, budget.scriptBytes, 'B'],
    ['CSS (bytes on the wire)', result.styleBytes, budget.styleBytes, 'B'],
    ['Other (HTML, fonts, icons, API)', result.otherBytes, null, 'B'],
    [
      'First contentful paint',
      Math.round(result.firstContentfulPaintMs),
      budget.firstContentfulPaintMs,
      'ms',
    ],
  ];
  let over = 0;
  for (const [name, value, limit, unit] of rows) {
    const verdict =
      limit === null ? '' : value <= limit ? `ok (<= ${limit} ${unit})` : `OVER ${limit} ${unit}`;
    if (limit !== null && !(value <= limit)) over++;
    console.log(`  ${name.padEnd(34)} ${String(value).padStart(9)} ${unit.padEnd(2)} ${verdict}`);
  }
  return over === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
