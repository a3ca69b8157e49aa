// BSN (burgerservicenummer): nine digits passing the 11-proof, where the last digit weighs -1.

export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/**
 * A synthetic BSN for demo and test data: the n-th nine-digit number from a start that passes the
 * 11-proof. Deterministic, so fixtures stay stable; never a lookup of a real person.
 */
export function syntheticBsn(n: number): string {
  // Real BSNs are issued from 1xxxxxxxx upwards; synthetic ones start high in the 9-range.
  // Valid numbers lie at most 11 apart, so a stride of 100 keeps every n distinct.
  let candidate = 900_000_000 + (Math.abs(Math.trunc(n)) % 999_999) * 100;
  for (let tries = 0; tries < 100; tries++, candidate++) {
    const value = String(candidate);
    if (isValidBsn(value)) return value;
  }
  throw new Error(`no synthetic BSN near ${n}`);
}
