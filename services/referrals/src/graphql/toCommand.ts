// Input (a GraphQL argument, or a REST body checked against the same input type) to a domain
// command: plain JSON objects only (the store refuses class instances), optional fields left out
// instead of null, and the two places where null means something kept as null.

import { opensCase, type CaseCommandType } from '@kot/domain';
import type { CommandRequest } from '../commands/commandRequest';

type Json = Record<string, unknown>;

export function toCommand(type: CaseCommandType, input: object): CommandRequest {
  const command: Json = { ...(plain(input) as Json), type };
  if (opensCase(type)) {
    const household = command['household'] as { partners: Json[] };
    // "No indication" and "no registered childcare" are facts the eligibility rules read.
    household.partners = household.partners.map((partner) => ({
      ...partner,
      wlzIndication: partner['wlzIndication'] ?? null,
    }));
    command['children'] = (command['children'] as Json[]).map((child) => ({
      ...child,
      childcare: child['childcare'] ?? null,
    }));
  }
  const child = command['child'] as Json | undefined;
  if (type === 'RecordHouseholdChange' && child) {
    command['child'] = { ...child, childcare: child['childcare'] ?? null };
  }
  return command as unknown as CommandRequest;
}

/** A deep copy into plain objects and arrays, without null or undefined properties. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) copy[key] = plain(item);
  }
  return copy;
}
