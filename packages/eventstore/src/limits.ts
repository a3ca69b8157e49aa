// Limits every adapter enforces before anything is written. Changing them changes what an
// existing log may contain; raise them only together with the README.

/** Size of one event: UTF-8 bytes of its canonical JSON body (data + metadata + ids). */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** Total canonical bytes of one append, so a single statement stays far below PostgreSQL's 1 GB. */
export const MAX_APPEND_BYTES = 16 * 1024 * 1024;

/**
 * Events per append. The SQL adapters give the events of one transaction the positions
 * `transactionId * 4096 + i`, so this is a structural limit there (see sql/eventStoreSchema.ts).
 */
export const MAX_EVENTS_PER_APPEND = 4096;
