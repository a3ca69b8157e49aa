// What makes a directory entry usable, in words for the admin who enters it (GraphQL) and for the
// operator who writes the recipients file. Never echoes the e-mail address: error output ends up
// in logs, and an address is personal data.

import { roles, text, type FieldProblem } from '@kot/domain';
import { languages, type RecipientEntry } from './recipientDirectory';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const optionalChannels: readonly string[] = ['email'];
const MAX_NAME = 200;

export function recipientProblems(entry: RecipientEntry): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, nl: string, en: string) =>
    problems.push({ field, reason: text(nl, en) });
  if (!entry.organisation?.trim()) add('organisation', 'is verplicht', 'is required');
  if (!(roles as readonly string[]).includes(entry.role))
    add(
      'role',
      `onbekende rol; bekend: ${roles.join(', ')}`,
      `unknown role; known: ${roles.join(', ')}`,
    );
  if (!entry.personId?.trim())
    add(
      'personId',
      "is verplicht (een gebruikers-id, of '*' voor de hele rol)",
      "is required (a user id, or '*' for the whole role)",
    );
  if (!entry.displayName?.trim() || entry.displayName.length > MAX_NAME)
    add(
      'displayName',
      `is verplicht, hoogstens ${MAX_NAME} tekens`,
      `is required, at most ${MAX_NAME} characters`,
    );
  if (!languages.includes(entry.language))
    add('language', 'moet nl of en zijn', 'must be nl or en');
  if (entry.email !== null && !EMAIL.test(entry.email))
    add('email', 'is geen e-mailadres', 'is not an e-mail address');
  const unknown = entry.channels.filter((channel) => !optionalChannels.includes(channel));
  if (unknown.length > 0)
    add(
      'channels',
      `onbekend kanaal ${unknown.join(', ')}; mogelijk: email (de inbox is er altijd)`,
      `unknown channel ${unknown.join(', ')}; possible: email (the inbox is always on)`,
    );
  if (entry.channels.includes('email') && entry.email === null)
    add(
      'email',
      'is nodig wanneer e-mail als kanaal gekozen is',
      'is needed when e-mail is chosen as a channel',
    );
  return problems;
}
