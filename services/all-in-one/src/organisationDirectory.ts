// The organisations a case may be offered to: those in the notifications' recipient directory (the
// platform's list of who takes part and how to reach them: the demo organisations where the demo
// users sign in, RECIPIENTS_FILE, and entries added through the API). A platform whose directory
// is empty keeps none, and then any well-formed organisation code is accepted.
import type { SqlClient } from '@kot/eventstore';
import { organisationListed } from '@kot/notifications';

export function organisationDirectory(db: SqlClient): (organisation: string) => Promise<boolean> {
  return async (organisation) => (await organisationListed(db, organisation)) ?? true;
}
