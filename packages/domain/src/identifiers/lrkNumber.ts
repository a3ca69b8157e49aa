/**
 * Registration number in the Landelijk Register Kinderopvang. The register issues 9-digit numbers
 * (older ones are shorter), so we accept 6 to 12 digits and nothing else.
 */
export const isLrkNumber = (value: string): boolean => /^\d{6,12}$/.test(value);
