// Messages from the notifications service: decisions, overdue steps, SMI about to end. Shown only
// when the platform has an inbox (see useInboxAvailability); newest first, a page at a time.
import { useState } from 'react';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery } from 'urql';
import { problemOf, type ApiProblem } from '../api/apiError';
import { CheckboxField } from '../forms/CheckboxField';
import { useLanguage } from '../i18n/language';
import { datesInWords, formatInstant } from '../i18n/formats';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import {
  inboxQuery,
  markReadMutation,
  type InboxMessageView,
  type InboxPageView,
} from './inboxDocuments';

const pageSize = 50;
const messageId = (id: string) => `message-${id}`;

export function InboxPage({ onRead }: { onRead(): void }) {
  const { tr } = useLanguage();
  usePageTitle(tr('Berichten', 'Messages'));
  const [unreadOnly, setUnreadOnly] = useState(false);
  // The cursors of the pages shown: the first page, then one per "more".
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [markProblem, setMarkProblem] = useState<{ title: string; problem: ApiProblem } | null>(
    null,
  );
  const [, markRead] = useMutation(markReadMutation);

  const read = async (message: InboxMessageView) => {
    setMarkProblem(null);
    const result = await markRead({ id: message.id });
    if (result.error) {
      setMarkProblem({ title: message.title, problem: problemOf(result.error) });
      return;
    }
    // The pages shown are asked again by urql itself: the answer is an InboxMessage, and every
    // query holding one is refetched. The unread count in the menu holds none: it is asked here.
    onRead();
    // The button is gone: keep the keyboard on the message it belonged to (or the page heading,
    // when only unread messages are listed and this one leaves the list).
    requestAnimationFrame(() =>
      (
        document.getElementById(messageId(message.id)) ?? document.querySelector<HTMLElement>('h1')
      )?.focus(),
    );
  };

  return (
    <>
      <Heading1 tabIndex={-1}>{tr('Berichten', 'Messages')}</Heading1>
      <CheckboxField
        label={tr('Alleen ongelezen berichten', 'Unread messages only')}
        checked={unreadOnly}
        onChange={(checked) => {
          setUnreadOnly(checked);
          setPages([null]);
        }}
      />
      {markProblem ? (
        <ProblemAlert
          problem={markProblem.problem}
          heading={tr(
            `"${markProblem.title}" is niet als gelezen gemarkeerd.`,
            `"${markProblem.title}" was not marked as read.`,
          )}
        />
      ) : null}
      {pages.map((after, index) => (
        <InboxPageMessages
          key={`${unreadOnly}-${after ?? 'first'}`}
          unreadOnly={unreadOnly}
          after={after}
          first={index === 0}
          onRead={(message) => void read(message)}
          onMore={
            index === pages.length - 1 ? (cursor) => setPages((shown) => [...shown, cursor]) : null
          }
        />
      ))}
    </>
  );
}

interface InboxPageMessagesProps {
  unreadOnly: boolean;
  after: string | null;
  /** The first page says how many are unread, or that there are no messages. */
  first: boolean;
  onRead(message: InboxMessageView): void;
  onMore: ((cursor: string) => void) | null;
}

function InboxPageMessages({ unreadOnly, after, first, onRead, onMore }: InboxPageMessagesProps) {
  const { tr, language } = useLanguage();
  const [result] = useQuery<{ inbox: InboxPageView }>({
    query: inboxQuery,
    variables: { unreadOnly, first: pageSize, after, language },
  });
  const inbox = result.data?.inbox;
  if (result.error && !inbox) return <ProblemAlert problem={problemOf(result.error)} />;
  if (!inbox) return <Loading />;
  return (
    <>
      {first ? (
        inbox.edges.length === 0 ? (
          <Paragraph>
            {unreadOnly ? tr('Geen ongelezen berichten.', 'No unread messages.') : null}
            {unreadOnly ? null : tr('Geen berichten.', 'No messages.')}
          </Paragraph>
        ) : (
          <Paragraph>
            {tr(`${inbox.unreadCount} ongelezen.`, `${inbox.unreadCount} unread.`)}
          </Paragraph>
        )
      ) : null}
      {inbox.edges.length > 0 ? (
        <ul className="portal-inbox">
          {inbox.edges.map(({ node }) => (
            <li
              key={node.id}
              id={messageId(node.id)}
              tabIndex={-1}
              className={
                node.readAt
                  ? 'portal-inbox__message'
                  : 'portal-inbox__message portal-inbox__message--unread'
              }
            >
              <p className="portal-inbox__title">
                {node.readAt ? null : <span className="portal-tag">{tr('Nieuw', 'New')}</span>}
                <strong>{datesInWords(node.title, language)}</strong>
              </p>
              <p className="portal-muted">
                {formatInstant(node.createdAt, language)} ·{' '}
                {node.personal ? tr('aan u', 'to you') : tr('aan uw team', 'to your team')} ·{' '}
                <AppLink to={{ page: 'case', caseId: node.caseId }}>
                  {tr('Zaak', 'Case')} {shortCaseNumber(node.caseId)}
                </AppLink>
              </p>
              <p className="portal-inbox__body">{datesInWords(node.body, language)}</p>
              {node.readAt ? null : (
                <Button
                  appearance="subtle-button"
                  aria-label={tr(
                    `Markeer als gelezen: ${node.title}`,
                    `Mark as read: ${node.title}`,
                  )}
                  onClick={() => onRead(node)}
                >
                  {tr('Markeer als gelezen', 'Mark as read')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {inbox.pageInfo.hasNextPage && inbox.pageInfo.endCursor && onMore ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => onMore(inbox.pageInfo.endCursor as string)}
        >
          {tr('Meer berichten laden', 'Load more messages')}
        </Button>
      ) : null}
      {result.error ? (
        <Alert type="warning">
          <Paragraph>
            {tr(
              'De berichten konden niet worden bijgewerkt; u ziet de laatst geladen stand.',
              'The messages could not be refreshed; you see them as last loaded.',
            )}
          </Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
