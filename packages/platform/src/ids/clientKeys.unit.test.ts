import { syntheticBsn } from '@kot/domain';
import { mayHoldBsn } from './clientKeys';

describe('a key a client chose', () => {
  const bsn = syntheticBsn(42);

  it('is suspected of holding a BSN when it contains one, wherever it stands', () => {
    expect(mayHoldBsn(bsn)).toBe(true);
    expect(mayHoldBsn(`grant-${bsn}`)).toBe(true);
    expect(mayHoldBsn(`${bsn}-2026-11-23`)).toBe(true);
    expect(mayHoldBsn(`kot:${bsn}:1`)).toBe(true);
  });

  it('is fine with nine digits that fail the 11-proof, timestamps and short numbers', () => {
    expect(mayHoldBsn('request-123456789')).toBe(false);
    expect(mayHoldBsn(`referral-${1_795_000_000_123}-4711`)).toBe(false);
    expect(mayHoldBsn('order-2026-11-23-17')).toBe(false);
  });

  it('is fine as or with a UUID, whatever digits the UUID happens to contain', () => {
    const uuid = `0192a6c4-1b2c-7d3e-8f40-a${bsn}ab`;
    expect(mayHoldBsn(uuid)).toBe(false);
    expect(mayHoldBsn(`retry-${uuid}-2`)).toBe(false);
    expect(mayHoldBsn(`${uuid}-${bsn}`)).toBe(true);
  });
});
