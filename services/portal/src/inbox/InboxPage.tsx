// Messages from the notifications service: decisions, overdue steps, SMI about to end. Shown only
// when the platform has an inbox (see useInboxAvailability).
import { useState } from 'react';
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/apiError';
import { CheckboxField } from '../forms/CheckboxField';
import { useLanguage } from '../i18n/language';
import { formatInstant } from '../i18n/formats';
import { Loading } from '../layout/Loading';
import { ProblemAlert } from '../layout/ProblemAlert';
import { shortCaseNumber } from '../layout/caseNumber';
import { usePageTitle } from '../layout/usePageTitle';
import { AppLink } from '../navigation/navigation';
import { inboxQuery, markReadMutation, type InboxPageView } from './inboxDocuments';

export function InboxPage() {
  const { tr, language } = useLanguage();
  usePageTitle(tr('Berichten', 'Messages'));
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [result, refetch] = useQuery<{ inbox: InboxPageView }>({
    query: inboxQuery,
    variables: { unreadOnly, first: 50, language },
  });
  const [, markRead] = useMutation(markReadMutation);
  const inbox = result.data?.inbox;
  return (
    <>
      <Heading1>{tr('Berichten', 'Messages')}</Heading1>
      <CheckboxField
        label={tr('Alleen ongelezen berichten', 'Unread messages only')}
        checked={unreadOnly}
        onChange={setUnreadOnly}
      />
      {result.error ? <ProblemAlert problem={problemOf(result.error)} /> : null}
      {!inbox ? (
        result.error ? null : (
          <Loading />
        )
      ) : inbox.edges.length === 0 ? (
        <Paragraph>{tr('Geen berichten.', 'No messages.')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {tr(`${inbox.unreadCount} ongelezen.`, `${inbox.unreadCount} unread.`)}
          </Paragraph>
          <ul className="portal-inbox">
            {inbox.edges.map(({ node }) => (
              <li
                key={node.id}
                className={
                  node.readAt
                    ? 'portal-inbox__message'
                    : 'portal-inbox__message portal-inbox__message--unread'
                }
              >
                <p className="portal-inbox__title">
                  {node.readAt ? null : <span className="portal-tag">{tr('Nieuw', 'New')}</span>}
                  <strong>{node.title}</strong>
                </p>
                <p className="portal-muted">
                  {formatInstant(node.createdAt, language)} ·{' '}
                  {node.personal ? tr('aan u', 'to you') : tr('aan uw team', 'to your team')} ·{' '}
                  <AppLink to={{ page: 'case', caseId: node.caseId }}>
                    {tr('Zaak', 'Case')} {shortCaseNumber(node.caseId)}
                  </AppLink>
                </p>
                <p className="portal-inbox__body">{node.body}</p>
                {node.readAt ? null : (
                  <Button
                    appearance="subtle-button"
                    onClick={() =>
                      void markRead({ id: node.id }).then(() =>
                        refetch({ requestPolicy: 'network-only' }),
                      )
                    }
                  >
                    {tr('Markeer als gelezen', 'Mark as read')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
