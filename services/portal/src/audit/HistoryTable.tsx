import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { HistoryEntryView } from '../api/caseView';
import { useLanguage } from '../i18n/language';
import { formatInstant } from '../i18n/formats';
import { text } from '@kot/domain';
import { eventNames, nameOf, roleNames } from '../i18n/vocabulary';

/** The case's events, and what other services record about it (who was told what, when). */
const historyNames = {
  ...eventNames,
  NotificationDelivered: text('Melding bezorgd', 'Notification delivered'),
};
import { useDirectory } from '../session/organisationDirectory';

/** Every event: what, who (person, role, organisation), business time and recorded time. */
export function HistoryTable({
  history,
  highlightUpTo,
}: {
  history: HistoryEntryView[];
  highlightUpTo: number | null;
}) {
  const { t, tr, language } = useLanguage();
  const { organisationName } = useDirectory();
  return (
    <Table className="portal-table portal-table--compact">
      <TableCaption>
        {tr(
          'Alle gebeurtenissen in de zaak, in volgorde van vastleggen',
          'Every event of the case, in the order recorded',
        )}
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">#</TableHeaderCell>
          <TableHeaderCell scope="col">{tr('Gebeurtenis', 'Event')}</TableHeaderCell>
          <TableHeaderCell scope="col">{tr('Door', 'By')}</TableHeaderCell>
          <TableHeaderCell scope="col">{tr('Organisatie', 'Organisation')}</TableHeaderCell>
          <TableHeaderCell scope="col">
            {tr('Gebeurd op (bedrijfstijd)', 'Occurred (business time)')}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{tr('Vastgelegd op', 'Recorded')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {history.map((entry, index) => (
          <TableRow
            key={entry.eventId}
            className={
              highlightUpTo !== null && entry.position > highlightUpTo
                ? 'portal-row--future'
                : undefined
            }
          >
            <TableCell>{index + 1}</TableCell>
            <TableCell>{t(nameOf(historyNames, entry.type))}</TableCell>
            <TableCell>
              {entry.actor.id}
              <div className="portal-muted">{t(nameOf(roleNames, entry.actor.role))}</div>
            </TableCell>
            <TableCell>{organisationName(entry.actor.organisation)}</TableCell>
            <TableCell>{formatInstant(entry.occurredAt, language)}</TableCell>
            <TableCell>{formatInstant(entry.recordedAt, language)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
