// The notifications service's inbox (services/notifications). Older platforms have no inbox field;
// the portal asks once and hides the inbox when the schema does not know it.
export interface InboxMessageView {
  id: string;
  rule: string;
  caseId: string;
  createdAt: string;
  readAt: string | null;
  personal: boolean;
  title: string;
  body: string;
}

export interface InboxPageView {
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: InboxMessageView }>;
}

export const inboxCountQuery = `query InboxCount { inbox(unreadOnly: true, first: 1) { unreadCount } }`;

export const inboxQuery = `query Inbox($unreadOnly: Boolean, $first: Int, $after: String, $language: MessageLanguage) {
  inbox(unreadOnly: $unreadOnly, first: $first, after: $after) {
    unreadCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id rule caseId createdAt readAt personal title(language: $language) body(language: $language) } }
  }
}`;

export const markReadMutation = `mutation MarkRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
