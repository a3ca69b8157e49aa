// A Vite plugin: after the build, a brotli (.br) and a gzip (.gz) copy beside every text file in
// dist/, at the highest levels, so the servers (server/staticAssets.ts) send them without
// compressing per request. Source maps and already compressed files (fonts, images) are left.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|css|html|svg|json|webmanifest|txt)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'kot-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of filesUnder(outDir).filter((path) => compressible.test(path))) {
        const plain = readFileSync(file);
        const brotli = brotliCompressSync(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        });
        const gzip = gzipSync(plain, { level: 9 });
        // A copy that is not smaller is not worth a second request path.
        if (brotli.length < plain.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < plain.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}
