import { v7 } from 'uuid';

/** A new UUIDv7: unique, and ordered by creation time, which keeps database indexes compact. */
export const newId = (): string => v7();
