import { caseNumberOf, isLrkNumber, isMunicipalityCode, isValidBsn, syntheticBsn } from './index';

describe('BSN validation', () => {
  it('accepts numbers that pass the 11-proof', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('rejects numbers that fail the 11-proof, the all-zero number and anything not nine digits', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });

  it('generates distinct synthetic BSNs that pass the 11-proof', () => {
    const generated = Array.from({ length: 500 }, (_, n) => syntheticBsn(n));
    expect(generated.every(isValidBsn)).toBe(true);
    expect(new Set(generated).size).toBe(generated.length);
    expect(generated.every((bsn) => bsn.startsWith('9'))).toBe(true);
  });
});

describe('municipality codes and LRK numbers', () => {
  it('accepts a CBS code as GM plus four digits only', () => {
    expect(isMunicipalityCode('GM0344')).toBe(true);
    expect(isMunicipalityCode('gm0344')).toBe(false);
    expect(isMunicipalityCode('GM344')).toBe(false);
    expect(isMunicipalityCode('0344')).toBe(false);
  });

  it('accepts an LRK number as a string of 6 to 12 digits', () => {
    expect(isLrkNumber('123456789')).toBe(true);
    expect(isLrkNumber('12345')).toBe(false);
    expect(isLrkNumber('12345678901234')).toBe(false);
    expect(isLrkNumber('12345678X')).toBe(false);
  });
});

describe('the short case number', () => {
  it('is the last eight characters of the case id in capitals, the same for every reader', () => {
    expect(caseNumberOf('0193c0de-0001-7000-8000-00000000abcd')).toBe('0000ABCD');
  });

  it('differs between cases opened in the same millisecond', () => {
    expect(caseNumberOf('0193c0de-0001-7000-8000-000000000001')).not.toBe(
      caseNumberOf('0193c0de-0001-7000-8000-000000000002'),
    );
  });
});
