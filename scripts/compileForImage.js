// Compiles TypeScript folders to CommonJS JavaScript for the production images
// (infra/docker/*.Dockerfile), with the same swc settings the tests run the source with
// (jest.config.js: decorators and their metadata, which type-graphql reads), so the image runs
// `node src/main.js` with neither swc nor TypeScript installed. Tests are left out. Beside each
// folder's compiled tree goes its workspace's package.json with `main` and `exports` naming the
// `.js` files, to be copied over the original once `npm ci` has installed from the original.
//   node scripts/compileForImage.js <outDir> <folder>...   e.g. out packages/domain/src
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { transformFileSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: false,
  swcrc: false,
};

const isSource = (name) =>
  name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(unit|int|e2e)?\.?test\.ts$/.test(name);

function sourcesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return isSource(name) ? [path] : [];
  });
}

/** The workspace manifest with every `./src/….ts` entry point named as its compiled `.js`. */
function compiledManifest(workspace) {
  const manifest = readFileSync(join(workspace, 'package.json'), 'utf8');
  return manifest.replace(/("\.?\/?src\/[^"]*)\.ts"/g, '$1.js"');
}

function main([outDir, ...folders]) {
  if (!outDir || folders.length === 0) {
    console.error('usage: node scripts/compileForImage.js <outDir> <folder>...');
    return 1;
  }
  const root = process.cwd();
  let count = 0;
  for (const folder of folders) {
    for (const file of sourcesUnder(join(root, folder))) {
      const target = join(root, outDir, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, transformFileSync(file, options).code);
      count++;
    }
    const workspace = dirname(join(root, folder));
    if (existsSync(join(workspace, 'package.json'))) {
      const target = join(root, outDir, relative(root, workspace), 'package.json');
      writeFileSync(target, compiledManifest(workspace));
    }
  }
  console.log(`Compiled ${count} files into ${outDir}`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
