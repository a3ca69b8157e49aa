// The case's history as a CSV file for auditors' own tools: the rows the history table shows, with
// the ids and positions the table leaves out. Semicolons and a byte-order mark, so a spreadsheet
// set to Dutch opens it in columns with the accents intact; times in UTC, as the log holds them.
import { text, type Text } from '@kot/domain';
import { byThePlatform, type HistoryEntryView } from '../api/caseView';

interface CsvWords {
  t(value: Text): string;
  /** The event's name in words. */
  eventName(type: string): string;
  roleName(role: string): string;
  organisationName(id: string): string;
}

const headers: Text[] = [
  text('Nr', 'No'),
  text('Gebeurtenis', 'Event'),
  text('Type', 'Type'),
  text('Rol', 'Role'),
  text('Account', 'Account'),
  text('Organisatie', 'Organisation'),
  text('Gebeurd op (UTC)', 'Occurred (UTC)'),
  text('Vastgelegd op (UTC)', 'Recorded (UTC)'),
  text('Positie in het log', 'Position in the log'),
  text('Versie van de zaak', 'Revision of the case'),
  text('Gebeurtenis-id', 'Event id'),
  text('Kanaal', 'Channel'),
  text('Ontvanger', 'Recipient'),
  text('Uitkomst', 'Outcome'),
];

/**
 * A field as CSV: quoted when it holds a separator, a quote or a line break; a leading = + - @
 * gets a quote mark so no spreadsheet runs it as a formula.
 */
export function csvField(value: string | number): string {
  const raw = String(value);
  const safe = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows `include` keeps (all by default), each keeping its number in the whole history. */
export function historyCsv(
  history: readonly HistoryEntryView[],
  words: CsvWords,
  include: (entry: HistoryEntryView) => boolean = () => true,
): string {
  const numbered = history
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => include(entry));
  const rows = numbered.map(({ entry, index }) => {
    const system = byThePlatform(entry);
    const recipient = entry.notification?.recipient;
    return [
      index + 1,
      words.eventName(entry.type),
      entry.type,
      system
        ? words.t(text('het platform zelf', 'the platform itself'))
        : words.roleName(entry.actor.role),
      system ? '' : entry.actor.id,
      system ? '' : words.organisationName(entry.actor.organisation),
      entry.occurredAt,
      entry.recordedAt,
      entry.position,
      entry.revision,
      entry.eventId,
      entry.notification?.channel ?? '',
      recipient
        ? `${words.roleName(recipient.role)}, ${words.organisationName(recipient.organisation)}`
        : '',
      entry.notification?.outcome ?? '',
    ];
  });
  const lines = [headers.map(words.t), ...rows].map((row) => row.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
