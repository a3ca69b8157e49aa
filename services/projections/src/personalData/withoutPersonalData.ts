// Read models never hold personal data: the log keeps it encrypted with a per-case key, so
// deleting that key erases the person everywhere only if no copy in clear text lives on here.
// The domain says which fields are personal; this removes exactly those (set to null).
import { personalFields, type CaseEvent } from '@kot/domain';

type Json = unknown;

export function withoutPersonalData(event: CaseEvent): CaseEvent {
  const paths = personalFields(event.type, event.schemaVersion);
  if (paths.length === 0) return event;
  let data = event.data as Json;
  for (const path of paths) data = nullAt(data, path.split('.'));
  return { ...event, data } as CaseEvent;
}

/** A copy of `value` with the path set to null; `name[]` steps into every element of an array. */
function nullAt(value: Json, steps: readonly string[]): Json {
  const [step, ...rest] = steps;
  if (step === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const record = value as Record<string, Json>;
  const each = step.endsWith('[]');
  const key = each ? step.slice(0, -2) : step;
  if (!(key in record)) return value;
  const current = record[key];
  if (rest.length === 0 && !each) return { ...record, [key]: null };
  if (each) {
    if (!Array.isArray(current)) return value;
    const items =
      rest.length === 0 ? current.map(() => null) : current.map((item) => nullAt(item, rest));
    return { ...record, [key]: items };
  }
  return { ...record, [key]: nullAt(current, rest) };
}
