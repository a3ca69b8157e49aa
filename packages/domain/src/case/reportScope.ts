// Who may see the process report, and for which municipality. The report holds counts only, no
// case and no person: auditors and Toeslagen see any municipality, an SMI officer only their own.
import { TOESLAGEN, type Actor } from '../parties';

export type ReportScope =
  | { allowed: true; municipality: string | null }
  | { allowed: false; reason: 'role' | 'municipality' };

export function reportScope(actor: Actor, requested: string | null): ReportScope {
  if (actor.role === 'auditor') return { allowed: true, municipality: requested };
  if (
    (actor.role === 'toeslagen-officer' || actor.role === 'toeslagen-team-lead') &&
    actor.organisation === TOESLAGEN
  ) {
    return { allowed: true, municipality: requested };
  }
  if (actor.role === 'smi-officer' || actor.role === 'smi-team-lead') {
    return requested === null || requested === actor.organisation
      ? { allowed: true, municipality: actor.organisation }
      : { allowed: false, reason: 'municipality' };
  }
  return { allowed: false, reason: 'role' };
}
