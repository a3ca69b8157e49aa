// Who sees a case on their worklist, asked of every demo user: the answer to "does the right
// party see the next step, and nobody else?".
import type { OverHttp } from './overHttp';
import { demoUserKeys, type DemoUserKey } from './platformUnderTest';
import { day } from './families';

/** The case's lines on each demo user's worklist, e.g. "responsible request-kot due 2026-11-30". */
export async function whoSees(
  http: OverHttp,
  caseId: string,
): Promise<Partial<Record<DemoUserKey, string[]>>> {
  const seen: Partial<Record<DemoUserKey, string[]>> = {};
  const lists = await Promise.all(demoUserKeys.map((key) => http.worklist(key)));
  demoUserKeys.forEach((key, index) => {
    const lines = (lists[index] ?? [])
      .filter((entry) => entry.caseId === caseId)
      .map((entry) => line(entry.action, entry.due, entry.audience.toLowerCase()));
    if (lines.length > 0) seen[key] = lines;
  });
  return seen;
}

const line = (action: string, due: string, audience = 'responsible') =>
  `${audience} ${action} due ${due}`;

/** A step the SMI officer owns: on the officer's list and (as their municipality's) the team lead's. */
export const forTheMunicipality = (action: string, dueInDays: number) => ({
  'smi-officer-utrecht': [line(action, day(dueInDays))],
  'smi-team-lead-utrecht': [line(action, day(dueInDays))],
});

/** A step Dienst Toeslagen owns: on the desk's list and the team lead's. */
export const forToeslagen = (action: string, dueInDays: number) => ({
  'toeslagen-officer': [line(action, day(dueInDays))],
  'toeslagen-team-lead': [line(action, day(dueInDays))],
});

export const forCiz = (action: string, dueInDays: number) => ({
  'ciz-assessor': [line(action, day(dueInDays))],
});

export const forTheBewindvoerder = (action: string, dueInDays: number, audience?: 'offered') => ({
  bewindvoerder: [line(action, day(dueInDays), audience)],
});
