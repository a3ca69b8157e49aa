// A municipality's SMI policy: whether it grants SMI for days already past, for how long at most,
// and how early an extension must be requested. Every municipality sets its own (seed 000, "KOT en
// SMI": 3 months in one, a year in another; an extension must be requested on time). It lives in
// its own stream per municipality (`smi-policy-<code>`), so who changed it and when is kept like
// any other fact, and the cases' next steps follow it.
import { addDays, dateInAmsterdam, type Instant, type IsoDate } from '../calendar';
import type { Actor } from '../parties';
import { text } from '../text';
import type { Permission } from './authorization';
import { refuse, refuseInput, type FieldProblem } from './refusal';
import { isMunicipalityCode } from '../identifiers';

export interface SmiPolicy {
  municipality: string;
  /** SMI may be granted for days already past (met terugwerkende kracht). */
  retroactive: boolean;
  /** The longest an SMI grant runs, extensions included, in months. */
  maximumMonths: number;
  /** An extension must be requested at least this many days before SMI ends. */
  extensionLeadDays: number;
}

/**
 * What the platform assumes while a municipality recorded no policy: no retroactive SMI (the
 * careful reading; seed 001 names a municipality that does not grant it retroactively), the
 * longest duration the reports name (a year) and four weeks' notice for an extension (the reports
 * give no figure; four weeks leaves a decision time before SMI ends).
 */
export const defaultSmiPolicy = (municipality: string): SmiPolicy => ({
  municipality,
  retroactive: false,
  maximumMonths: 12,
  extensionLeadDays: 28,
});

export type SetSmiPolicy = {
  type: 'SetSmiPolicy';
  municipality: string;
  retroactive: boolean;
  maximumMonths: number;
  extensionLeadDays: number;
};

export type SmiPolicySet = {
  type: 'SmiPolicySet';
  schemaVersion: 1;
  data: SmiPolicy & { setOn: IsoDate };
};

export const smiPolicyStreamId = (municipality: string): string => `smi-policy-${municipality}`;

/** The policy in force: the last one set, else the default. */
export function foldSmiPolicy(municipality: string, events: readonly SmiPolicySet[]): SmiPolicy {
  const last = events.at(-1);
  if (!last) return defaultSmiPolicy(municipality);
  const { setOn: _setOn, ...policy } = last.data;
  return policy;
}

/** The SMI team lead of the municipality sets its policy; nobody else. */
export function maySetSmiPolicy(actor: Actor, municipality: string): Permission {
  return actor.role === 'smi-team-lead' && actor.organisation === municipality
    ? { allowed: true }
    : {
        allowed: false,
        reason: text(
          `Alleen een teamleider SMI van gemeente ${municipality} mag het SMI-beleid vastleggen.`,
          `Only an SMI team lead of municipality ${municipality} may record its SMI policy.`,
        ),
      };
}

export function validateSmiPolicy(command: SetSmiPolicy): void {
  const problems: FieldProblem[] = [];
  if (!isMunicipalityCode(command.municipality))
    problems.push({
      field: 'municipality',
      reason: text(
        'een CBS-gemeentecode (GM en 4 cijfers)',
        'a CBS municipality code (GM and 4 digits)',
      ),
    });
  if (typeof command.retroactive !== 'boolean')
    problems.push({ field: 'retroactive', reason: text('ja of nee', 'yes or no') });
  if (
    !Number.isInteger(command.maximumMonths) ||
    command.maximumMonths < 1 ||
    command.maximumMonths > 60
  )
    problems.push({
      field: 'maximumMonths',
      reason: text('een heel aantal maanden, 1 tot 60', 'a whole number of months, 1 to 60'),
    });
  if (
    !Number.isInteger(command.extensionLeadDays) ||
    command.extensionLeadDays < 0 ||
    command.extensionLeadDays > 180
  )
    problems.push({
      field: 'extensionLeadDays',
      reason: text('een heel aantal dagen, 0 tot 180', 'a whole number of days, 0 to 180'),
    });
  if (problems.length > 0) throw refuseInput(problems);
}

/** Records the policy; setting the policy already in force adds nothing and says so. */
export function decideSmiPolicy(
  command: SetSmiPolicy,
  current: SmiPolicy,
  now: Instant,
): SmiPolicySet[] {
  validateSmiPolicy(command);
  const { type: _type, ...policy } = command;
  if (
    policy.retroactive === current.retroactive &&
    policy.maximumMonths === current.maximumMonths &&
    policy.extensionLeadDays === current.extensionLeadDays
  ) {
    throw refuse(
      'wrong-state',
      'Dit is al het SMI-beleid van de gemeente; er verandert niets.',
      "This already is the municipality's SMI policy; nothing changes.",
    );
  }
  return [
    { type: 'SmiPolicySet', schemaVersion: 1, data: { ...policy, setOn: dateInAmsterdam(now) } },
  ];
}

/** The last day SMI that started on `from` may run under the policy. */
export function smiMaximumEnd(policy: SmiPolicy, from: IsoDate): IsoDate {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const total = month - 1 + policy.maximumMonths;
  const end = new Date(Date.UTC(year + Math.floor(total / 12), total % 12, day));
  return addDays(end.toISOString().slice(0, 10), -1);
}

/** The day an extension of SMI ending on `smiEnd` must be requested by. */
export const extensionDue = (policy: SmiPolicy, smiEnd: IsoDate): IsoDate =>
  addDays(smiEnd, -policy.extensionLeadDays);
