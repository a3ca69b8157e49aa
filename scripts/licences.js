// Every production dependency's licence, from package-lock.json (so the list is the same on every
// machine and platform), written to docs/licences.md. Fails when one is not an open licence a
// public body may ship under the EUPL, or when the checked-in list is not the lockfile's.
//   node scripts/licences.js          check (part of npm test)
//   node scripts/licences.js --write  rewrite docs/licences.md after a dependency changed
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const listFile = join(root, 'docs/licences.md');

/**
 * Open licences (OSI-approved or, for fonts, the SIL Open Font License) that the EUPL-1.2 allows
 * to be combined with; a new one is added here only after reading it.
 */
const openLicences = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'EUPL-1.2',
  'ISC',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MIT-0',
  'MPL-2.0',
  'OFL-1.1',
  'Python-2.0',
  'Unlicense',
  'Zlib',
]);

/** Whether an SPDX expression (`MIT`, `(MIT OR GPL-3.0)`, `(BSD-3-Clause AND Apache-2.0)`) is open. */
function isOpen(expression) {
  if (typeof expression !== 'string' || expression.trim() === '') return false;
  const plain = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/[()]/.test(plain)) return false; // nested expressions: read by a person, then listed here
  if (/ OR /.test(plain)) return plain.split(' OR ').some((part) => isOpen(part));
  return plain.split(' AND ').every((part) => openLicences.has(part.trim()));
}

/** The packages installed for production (not dev-only), sorted by name. */
function productionPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.includes('node_modules/') && !entry.link)
    .filter(([, entry]) => !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({
      name: entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version,
      licence: typeof entry.license === 'string' ? entry.license : 'UNKNOWN',
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function licenceList(packages) {
  const counts = new Map();
  for (const { licence } of packages) counts.set(licence, (counts.get(licence) ?? 0) + 1);
  const lines = [
    '# Licences of the production dependencies',
    '',
    'Generated from `package-lock.json` by `node scripts/licences.js --write`; `npm test` fails when',
    'a production dependency has a licence outside the open list in `scripts/licences.js`, or when',
    'this file is out of date. The platform itself is EUPL-1.2 (`LICENSE`).',
    '',
    '| licence | packages |',
    '| --- | --- |',
    ...[...counts].sort((a, b) => b[1] - a[1]).map(([licence, n]) => `| ${licence} | ${n} |`),
    '',
    '| package | version | licence |',
    '| --- | --- | --- |',
    ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.licence} |`),
    '',
  ];
  return lines.join('\n');
}

function main(argv) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const packages = productionPackages(lock);
  const closed = packages.filter((p) => !isOpen(p.licence));
  const list = licenceList(packages);
  if (argv.includes('--write')) writeFileSync(listFile, list);
  const current = existsSync(listFile) ? readFileSync(listFile, 'utf8') : '';
  let failed = false;
  if (closed.length > 0) {
    failed = true;
    console.error('Production dependencies without an open licence:');
    for (const p of closed) console.error(`  ${p.name}@${p.version}: ${p.licence}`);
  }
  if (current !== list) {
    failed = true;
    console.error(
      "docs/licences.md is not the lockfile's list: run node scripts/licences.js --write",
    );
  }
  if (!failed) console.log(`Licences: ${packages.length} production packages, all open.`);
  return failed ? 1 : 0;
}

module.exports = { isOpen, productionPackages, licenceList };

if (require.main === module) process.exit(main(process.argv.slice(2)));
