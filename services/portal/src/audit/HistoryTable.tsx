import { useState } from 'react';
import {
  Button,
  ButtonGroup,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { text } from '@kot/domain';
import { byThePlatform, type HistoryEntryView } from '../api/caseView';
import { RadioGroupField } from '../forms/RadioGroupField';
import { useLanguage } from '../i18n/language';
import { formatInstant } from '../i18n/formats';
import { eventNames, nameOf, roleNames } from '../i18n/vocabulary';
import { PartyName } from '../layout/PartyName';
import { shortCaseNumber } from '../layout/caseNumber';
import { useDirectory } from '../session/organisationDirectory';
import { historyCsv } from './historyCsv';
import type { Moment } from './TimeSlider';

/** The case's events, and what other services record about it (who was told what, when). */
const historyNames = {
  ...eventNames,
  NotificationDelivered: text('Melding bezorgd', 'Notification delivered'),
  NotificationFailed: text('Melding niet bezorgd', 'Notification not delivered'),
};

const channelNames: Record<string, ReturnType<typeof text>> = {
  inbox: text('in de berichtenlijst', 'in the message list'),
  email: text('per e-mail', 'by e-mail'),
  webhook: text('via een webhook', 'by webhook'),
};

/** Which rows the auditor looks at: the case's own steps, the deliveries, or both. */
type Shown = 'all' | 'steps' | 'deliveries';

const captions: Record<Shown, ReturnType<typeof text>> = {
  all: text(
    'Alle gebeurtenissen in de zaak, in volgorde van vastleggen',
    'Every event of the case, in the order recorded',
  ),
  steps: text(
    'De stappen in de zaak, in volgorde van vastleggen',
    'The steps in the case, in the order recorded',
  ),
  deliveries: text(
    'Wie welke melding kreeg en hoe, in volgorde van vastleggen',
    'Who was notified of what and how, in the order recorded',
  ),
};

const isDelivery = (entry: HistoryEntryView) => entry.notification !== null;

const shows = (shown: Shown, entry: HistoryEntryView) =>
  shown === 'all' || (shown === 'deliveries') === isDelivery(entry);

/**
 * Every event: what, who (role and organisation), business time and recorded time. Rows keep their
 * number in the whole history when a filter hides others, so a row is cited the same way either way.
 */
export function HistoryTable({
  caseId,
  history,
  moment,
}: {
  caseId: string;
  history: HistoryEntryView[];
  /** Rows after this moment, on its axis, are dimmed; null dims nothing. */
  moment: Moment | null;
}) {
  const { t, tr, language } = useLanguage();
  const { organisationName } = useDirectory();
  // The case's own steps first: the deliveries of notifications are a second question.
  const [shown, setShown] = useState<Shown>('steps');
  const deliveries = history.filter(isDelivery).length;
  const shownRows = history.filter((entry) => shows(shown, entry)).length;
  const download = () => {
    const csv = historyCsv(
      history,
      {
        t,
        eventName: (type) => t(nameOf(historyNames, type)),
        roleName: (role) => t(nameOf(roleNames, role)),
        organisationName,
      },
      (entry) => shows(shown, entry),
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `${tr('zaak', 'case')}-${shortCaseNumber(caseId)}-${tr('geschiedenis', 'history')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  const later = (entry: HistoryEntryView) =>
    moment !== null &&
    (moment.axis === 'RECORDED' ? entry.recordedAt : entry.occurredAt) > moment.at;
  return (
    <>
      <RadioGroupField
        name="history-rows"
        legend={tr('Toon', 'Show')}
        value={shown}
        onChange={(value) => setShown(value as Shown)}
        choices={[
          {
            value: 'steps',
            label: tr(
              `Alleen stappen in de zaak (${history.length - deliveries})`,
              `Only steps in the case (${history.length - deliveries})`,
            ),
          },
          {
            value: 'all',
            label: tr(`Alles (${history.length})`, `Everything (${history.length})`),
          },
          {
            value: 'deliveries',
            label: tr(
              `Alleen bezorging van meldingen (${deliveries})`,
              `Only deliveries of notifications (${deliveries})`,
            ),
          },
        ]}
      />
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={download}>
          {shown === 'all'
            ? tr(
                `Alle ${history.length} regels downloaden (CSV)`,
                `Download all ${history.length} rows (CSV)`,
              )
            : tr(
                `De ${shownRows} getoonde regels downloaden (CSV)`,
                `Download the ${shownRows} rows shown (CSV)`,
              )}
        </Button>
      </ButtonGroup>
      <Table className="portal-table portal-table--compact">
        <TableCaption>{t(captions[shown])}</TableCaption>
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
          {history.map((entry, index) =>
            shows(shown, entry) ? (
              <TableRow
                key={entry.eventId}
                className={later(entry) ? 'portal-row--future' : undefined}
              >
                <TableCell data-label="#">{index + 1}</TableCell>
                <TableCell data-label={tr('Gebeurtenis', 'Event')}>
                  {t(nameOf(historyNames, entry.type))}
                  {entry.notification ? (
                    <div className="portal-muted">
                      {entry.notification.recipient.role === 'household' ? (
                        tr('aan het gezin', 'to the household')
                      ) : (
                        <>
                          {tr('aan', 'to')} <PartyName party={entry.notification.recipient} />
                        </>
                      )}{' '}
                      {t(nameOf(channelNames, entry.notification.channel))}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell data-label={tr('Door', 'By')}>
                  {byThePlatform(entry)
                    ? tr('Het platform zelf', 'The platform itself')
                    : t(nameOf(roleNames, entry.actor.role))}
                  {byThePlatform(entry) ? null : (
                    <div className="portal-muted">
                      {tr('account', 'account')} {entry.actor.id}
                    </div>
                  )}
                </TableCell>
                <TableCell data-label={tr('Organisatie', 'Organisation')}>
                  {byThePlatform(entry) ? '—' : organisationName(entry.actor.organisation)}
                </TableCell>
                <TableCell data-label={tr('Gebeurd op', 'Occurred')}>
                  {formatInstant(entry.occurredAt, language)}
                </TableCell>
                <TableCell data-label={tr('Vastgelegd op', 'Recorded')}>
                  {formatInstant(entry.recordedAt, language)}
                </TableCell>
              </TableRow>
            ) : null,
          )}
        </TableBody>
      </Table>
    </>
  );
}
