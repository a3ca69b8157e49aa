// Read models never hold personal data: the log keeps it encrypted with a per-case key, so
// deleting that key erases the person everywhere only if no copy in clear text lives on here.
// The domain says which fields are personal; this sets exactly those to null.
import { personalFields, type CaseEvent } from '@kot/domain';
import { mapFieldPaths } from '@kot/eventstore';

export function withoutPersonalData(event: CaseEvent): CaseEvent {
  const paths = personalFields(event.type, event.schemaVersion);
  if (paths.length === 0) return event;
  return { ...event, data: mapFieldPaths(event.data, paths, () => null) } as CaseEvent;
}
