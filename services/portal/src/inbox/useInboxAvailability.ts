import { useQuery } from 'urql';
import { inboxCountQuery } from './inboxDocuments';

export interface InboxAvailability {
  available: boolean;
  unreadCount: number;
}

/** A schema without `inbox` answers with a validation error: then there is no inbox to show. */
export function useInboxAvailability(): InboxAvailability {
  const [result] = useQuery<{ inbox: { unreadCount: number } }>({
    query: inboxCountQuery,
    requestPolicy: 'cache-and-network',
  });
  if (!result.data?.inbox) return { available: false, unreadCount: 0 };
  return { available: true, unreadCount: result.data.inbox.unreadCount };
}
