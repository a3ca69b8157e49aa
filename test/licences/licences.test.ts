// The licence check that `npm test` runs (scripts/licences.js): a municipality may only ship the
// platform when every production dependency is open.
import { isOpen, productionPackages } from '../../scripts/licences';

describe('the licence check', () => {
  it('accepts the open licences and the EUPL itself', () => {
    for (const licence of ['MIT', 'Apache-2.0', 'EUPL-1.2', 'OFL-1.1', 'BSD-3-Clause'])
      expect(isOpen(licence)).toBe(true);
  });

  it("refuses a proprietary licence, a missing one and a licence file it cannot read, like Utrecht's design tokens", () => {
    expect(isOpen('SEE LICENSE IN ./LICENSE.md')).toBe(false);
    expect(isOpen('UNLICENSED')).toBe(false);
    expect(isOpen(undefined)).toBe(false);
    expect(isOpen('')).toBe(false);
  });

  it('reads a choice as open when one option is, and a combination only when every part is', () => {
    expect(isOpen('(MIT OR GPL-3.0-only)')).toBe(true);
    expect(isOpen('(BSD-3-Clause AND Apache-2.0)')).toBe(true);
    expect(isOpen('(MIT AND SEE LICENSE IN LICENSE)')).toBe(false);
  });

  it('lists only what production installs, not the tools that build and test it', () => {
    const lock = {
      packages: {
        '': { name: 'kot-referral-platform' },
        'node_modules/react': { version: '19.3.1', license: 'MIT' },
        'node_modules/jest': { version: '30.5.2', license: 'MIT', dev: true },
        'node_modules/fsevents': { version: '2.3.3', license: 'MIT', devOptional: true },
        'node_modules/@kot/domain': { resolved: 'packages/domain', link: true },
        'node_modules/a/node_modules/b': { version: '1.0.0', license: 'SEE LICENSE IN LICENSE' },
      },
    };
    expect(productionPackages(lock)).toEqual([
      { name: 'b', version: '1.0.0', licence: 'SEE LICENSE IN LICENSE' },
      { name: 'react', version: '19.3.1', licence: 'MIT' },
    ]);
  });
});
