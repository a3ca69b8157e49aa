import { familyMatches, familySearchOf, type FamilyIdentity } from './familyNames';

const deBoer: FamilyIdentity = {
  familyName: 'de Boer',
  names: ['Sem de Boer', 'Eva de Boer', 'Mila de Boer'],
  bsns: ['111222333'],
};
const celik: FamilyIdentity = { familyName: 'Çelik', names: ['Ayşe Çelik'], bsns: [] };

describe('searching a list by name or BSN', () => {
  it('finds a family by part of a name, whatever the case or accents typed', () => {
    expect(familyMatches(deBoer, familySearchOf('boer')!)).toBe(true);
    expect(familyMatches(deBoer, familySearchOf('Mila De Boer')!)).toBe(true);
    expect(familyMatches(celik, familySearchOf('celik')!)).toBe(true);
  });

  it('needs every word typed in one name, so "Eva Mila" finds no one', () => {
    expect(familyMatches(deBoer, familySearchOf('Eva Mila')!)).toBe(false);
    expect(familyMatches(celik, familySearchOf('boer')!)).toBe(false);
  });

  it('reads nine digits as a BSN, with spaces or dots as people write them, and matches it whole', () => {
    expect(familySearchOf('1112.22.333')).toEqual({ kind: 'bsn', bsn: '111222333' });
    expect(familyMatches(deBoer, familySearchOf('111 222 333')!)).toBe(true);
    expect(familyMatches(deBoer, familySearchOf('111222334')!)).toBe(false);
  });

  it('asks for nothing when only punctuation was typed', () => {
    expect(familySearchOf(' - ')).toBeNull();
  });
});
