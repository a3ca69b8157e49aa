/**
 * The short case number people read aloud, type into a search box and see in every list, letter
 * and print: the last eight characters of the case id, in capitals. Not the first eight: in a
 * UUIDv7 those are the creation time and repeat between cases opened close together.
 */
export const caseNumberOf = (caseId: string): string =>
  caseId.replace(/-/g, '').slice(-8).toUpperCase();
