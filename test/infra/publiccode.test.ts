// publiccode.yml (standard 0.4), checked without the catalogue's parser or network: the keys the
// standard requires, descriptions within its lengths, and addresses that are URLs on a domain that
// can exist (the repository's is a marked placeholder until it is published).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../..');
const publiccode = parse(readFileSync(join(root, 'publiccode.yml'), 'utf8')) as Record<
  string,
  unknown
>;
/** The released version, as the workspaces carry it (the root manifest has none). */
const portalVersion = (
  JSON.parse(readFileSync(join(root, 'services/portal/package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('publiccode.yml', () => {
  it('has every key the standard requires', () => {
    for (const key of [
      'publiccodeYmlVersion',
      'name',
      'url',
      'platforms',
      'categories',
      'developmentStatus',
      'softwareType',
      'description',
      'legal',
      'maintenance',
      'localisation',
    ]) {
      expect([key, publiccode[key]]).toEqual([key, expect.anything()]);
    }
    expect(publiccode['publiccodeYmlVersion']).toBe('0.4');
    expect(publiccode['legal']).toMatchObject({ license: 'EUPL-1.2' });
    expect(publiccode['softwareVersion']).toBe(portalVersion);
  });

  it('gives the repository as an https URL, on a domain that can resolve (not .invalid)', () => {
    const url = new URL(String(publiccode['url']));
    expect(url.protocol).toBe('https:');
    expect(url.hostname).not.toMatch(/\.(invalid|test|localhost)$/);
    for (const key of ['landingURL', 'roadmap']) {
      if (publiccode[key] !== undefined)
        expect(() => new URL(String(publiccode[key]))).not.toThrow();
    }
  });

  it('describes the software in Dutch and English within the lengths the standard sets', () => {
    const description = publiccode['description'] as Record<
      string,
      { shortDescription: string; longDescription: string; features: string[] }
    >;
    expect(Object.keys(description).sort()).toEqual(['en', 'nl']);
    for (const text of Object.values(description)) {
      expect(text.shortDescription.length).toBeLessThanOrEqual(150);
      expect(text.longDescription.length).toBeGreaterThanOrEqual(150);
      expect(text.longDescription.length).toBeLessThanOrEqual(10_000);
      expect(text.features.length).toBeGreaterThan(0);
    }
  });
});
