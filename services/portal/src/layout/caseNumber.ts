/**
 * A short case number people can read aloud: the last eight characters of the UUID. Not the first:
 * in a UUIDv7 those are the creation time and repeat between cases opened close together.
 */
export const shortCaseNumber = (caseId: string): string =>
  caseId.replace(/-/g, '').slice(-8).toUpperCase();
