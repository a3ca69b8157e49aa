// RECIPIENTS_FILE: the recipient directory as a JSON file, applied at every start (added or
// replaced by organisation, role and person; entries not in the file are left alone, removals go
// through GraphQL). Read and checked before anything else starts, so a typo stops the start with
// every problem named, by entry number and field, never with an address in the message.
//
// [{ "organisation": "GM0344", "role": "smi-officer", "personId": "*",
//    "displayName": "Team SMI Utrecht", "email": "smi@utrecht.example", "language": "nl",
//    "channels": ["email"] }]
// personId defaults to "*" (the role's shared address), language to "nl", channels to ["email"]
// when an e-mail address is given and [] (inbox only) when not.

import { readFileSync } from 'node:fs';
import { type OptionalChannel, type RecipientEntry, type Language } from './recipientDirectory';
import { recipientProblems } from './recipientProblems';

export class RecipientsFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(`RECIPIENTS_FILE ${path} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RecipientsFileError';
  }
}

const KNOWN_FIELDS = new Set([
  'organisation',
  'role',
  'personId',
  'displayName',
  'email',
  'language',
  'channels',
]);

/** The entries of a parsed recipients file, or every problem with it (as English lines). */
export function parseRecipients(json: unknown): { entries: RecipientEntry[]; problems: string[] } {
  if (!Array.isArray(json)) {
    return { entries: [], problems: ['expected a JSON array of entries'] };
  }
  const entries: RecipientEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  json.forEach((raw: unknown, index) => {
    const where = `entry ${index}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${where}: expected an object`);
      return;
    }
    const fields = raw as Record<string, unknown>;
    const unknown = Object.keys(fields).filter((key) => !KNOWN_FIELDS.has(key));
    if (unknown.length > 0) problems.push(`${where}: unknown field ${unknown.join(', ')}`);
    const string = (name: string, fallback?: string): string => {
      const value = fields[name] ?? fallback;
      if (typeof value === 'string') return value;
      problems.push(`${where}: ${name}: expected a string`);
      return '';
    };
    const email =
      fields['email'] === undefined || fields['email'] === null ? null : string('email');
    const channels = fields['channels'] ?? (email ? ['email'] : []);
    if (!Array.isArray(channels) || !channels.every((c) => typeof c === 'string')) {
      problems.push(`${where}: channels: expected a list of strings`);
    }
    const entry: RecipientEntry = {
      organisation: string('organisation'),
      role: string('role'),
      personId: string('personId', '*'),
      displayName: string('displayName'),
      email,
      language: string('language', 'nl') as Language,
      channels: (Array.isArray(channels) ? channels : []) as OptionalChannel[],
    };
    for (const problem of recipientProblems(entry))
      problems.push(`${where}: ${problem.field}: ${problem.reason.en}`);
    const key = `${entry.organisation}/${entry.role}/${entry.personId}`;
    if (seen.has(key)) problems.push(`${where}: ${key} is listed twice`);
    seen.add(key);
    entries.push(entry);
  });
  return { entries, problems };
}

export function loadRecipientsFile(path: string): RecipientEntry[] {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RecipientsFileError(path, [
      code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code})`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    // Only where, never what: the parser's message may quote the file (addresses) around the error.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position ? source.slice(0, Number(position)).split('\n').length : null;
    throw new RecipientsFileError(path, [`not valid JSON${line ? ` (near line ${line})` : ''}`]);
  }
  const { entries, problems } = parseRecipients(json);
  if (problems.length > 0) throw new RecipientsFileError(path, problems);
  return entries;
}
