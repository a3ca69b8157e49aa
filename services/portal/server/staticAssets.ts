// How the built portal (dist/) is served, by its own server (servePortal.ts) and by the all-in-one
// alike: files the build compressed beforehand (build/precompress.ts writes `.br` and `.gz` beside
// them) go out compressed when the browser accepts it, so no request pays for compression; assets
// with a content hash in their name never change and are cached for a year; index.html must be
// asked again each time, as a new build changes the asset names it points to.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Compressed copies, best first; the build writes them only for text files. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export const immutableAsset = 'public, max-age=31536000, immutable';

/** Vite names what it emits under assets/ `<name>-<hash>.<ext>`; only those may be kept a year. */
export function cacheControlFor(relativePath: string): string {
  if (relativePath.endsWith('.html')) return 'no-cache';
  if (/^assets\/[^/]+-[\w-]{8,}\.\w+$/.test(relativePath)) return immutableAsset;
  return 'public, max-age=3600';
}

/** The encodings the request accepts (`br;q=0` refuses one), in the server's preference order. */
export function acceptedEncodings(acceptEncoding: string | undefined): string[] {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0+)?\s*$/.test(quality ?? ''))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  return encodings.map((encoding) => encoding.name).filter((name) => accepted.has(name));
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The file under distDir that `relativePath` names, or null when there is none or the path leaves
 * distDir. `relativePath` is already percent-decoded.
 */
export function assetPath(distDir: string, relativePath: string): string | null {
  const file = join(distDir, normalize(relativePath));
  if (file !== distDir && !file.startsWith(distDir.endsWith(sep) ? distDir : distDir + sep))
    return null;
  return isFile(file) ? file : null;
}

/**
 * Answers a GET or HEAD with the file (relative to distDir), compressed when a compressed copy
 * exists and the browser accepts it.
 */
export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  distDir: string,
  relativePath: string,
): void {
  const file = join(distDir, normalize(relativePath));
  const encoding = acceptedEncodings(req.headers['accept-encoding'])
    .map((name) => encodings.find((candidate) => candidate.name === name)!)
    .find((candidate) => isFile(file + candidate.suffix));
  const sent = encoding ? file + encoding.suffix : file;
  const headers: Record<string, string | number> = {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControlFor(relativePath.replaceAll('\\', '/').replace(/^\/+/, '')),
    'content-length': statSync(sent).size,
    'x-content-type-options': 'nosniff',
    // Caches must keep the compressed and the plain copy apart.
    vary: 'Accept-Encoding',
  };
  if (encoding) headers['content-encoding'] = encoding.name;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(sent).pipe(res);
}
