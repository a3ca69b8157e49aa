// Keys a client chooses (a command id, an Idempotency-Key, a correlation id) are stored in clear in
// event metadata and shown in a case's history. Agency systems often build such keys from a citizen
// service number, so a key that may hold one is refused rather than stored: the log must never
// hold a BSN in clear text, and a hash of one would be easy to reverse (there are few BSNs).
import { isValidBsn, text, type Text } from '@kot/domain';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Does the key contain a run of exactly nine digits that passes the 11-proof, as a BSN is
 * written? UUIDs in it are left out (their digits are random: refusing one key in a few thousand
 * would break ordinary clients), and so are longer runs such as timestamps.
 */
export function mayHoldBsn(key: string): boolean {
  const withoutUuids = key.replace(UUID, '-');
  return (withoutUuids.match(/\d+/g) ?? []).some((run) => run.length === 9 && isValidBsn(run));
}

/** Why such a key is refused, in words a developer at an agency understands. */
export const keyMayHoldBsnReason: Text = text(
  'bevat een nummer van negen cijfers dat een BSN kan zijn; gebruik een sleutel zonder persoonsgegevens, bijvoorbeeld een UUID',
  'contains a nine-digit number that may be a BSN; use a key without personal data, such as a UUID',
);
