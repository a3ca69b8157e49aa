import { useCallback, useEffect } from 'react';
import { useQuery } from 'urql';
import { inboxCountQuery } from './inboxDocuments';

export interface InboxAvailability {
  /** null until the first answer: the page then neither shows nor denies the inbox. */
  available: boolean | null;
  unreadCount: number;
  /** Asks the count again (after a message was marked read). */
  refresh(): void;
}

/** How often the unread count is asked again while the page is in view. */
export const inboxRefreshMs = 60_000;

/**
 * A schema without `inbox` answers with a validation error: then there is no inbox to show. The
 * count is asked again every minute while the tab is visible (and at once when it becomes visible
 * again), so new messages show up without anyone reloading the page.
 */
export function useInboxAvailability(): InboxAvailability {
  const [result, reexecute] = useQuery<{ inbox: { unreadCount: number } }>({
    query: inboxCountQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const known = result.data?.inbox !== undefined || result.error !== undefined;
  // Only a schema that does not know `inbox` means there is none; a network failure or an
  // expired sign-in must not make the menu item disappear.
  const noSuchField =
    result.error?.graphQLErrors.some(
      (e) => e.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED',
    ) ?? false;
  const available = result.data?.inbox !== undefined || (known && !noSuchField);

  useEffect(() => {
    if (!available) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, inboxRefreshMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [available, refresh]);

  if (!known) return { available: null, unreadCount: 0, refresh };
  return { available, unreadCount: result.data?.inbox.unreadCount ?? 0, refresh };
}
