/** CBS municipality code: `GM` followed by four digits, e.g. GM0363 (Amsterdam). */
export const isMunicipalityCode = (value: string): boolean => /^GM\d{4}$/.test(value);
