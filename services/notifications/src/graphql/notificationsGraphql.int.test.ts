import { randomUUID } from 'node:crypto';
import { caseNumberOf } from '@kot/domain';
import { actors } from '@kot/domain/testing';
import {
  createHttpApp,
  createLogger,
  createMetrics,
  startHttpServer,
  type RunningServer,
} from '@kot/platform';
import {
  createNotificationsService,
  type NotificationsService,
} from '../service/createNotificationsService';
import type { AuthenticatedActor } from '../service/dependencies';
import { appendStory, untilDecision } from '../testing/caseStories';
import { testAuthenticator, tokenFor } from '../testing/testAuthenticator';
import { testClock } from '../testing/testClock';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase';

const actorOf = (actor: AuthenticatedActor): AuthenticatedActor => ({
  id: actor.id,
  role: actor.role,
  organisation: actor.organisation,
});
const officer = actorOf(actors.officer);
const officerColleague = { ...officer, id: 'u-officer-utrecht-2' };
const desk = actorOf(actors.toeslagen);
const deskColleague = { ...desk, id: 'u-dt-2' };

const inboxQuery = `query Inbox($unreadOnly: Boolean, $first: Int, $after: String) {
  inbox(unreadOnly: $unreadOnly, first: $first, after: $after) {
    unreadCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id rule caseId personal readAt params title body(language: en) } }
  }
}`;

interface InboxResult {
  inbox: {
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        rule: string;
        caseId: string;
        personal: boolean;
        readAt: string | null;
        title: string;
        body: string;
        params: Record<string, unknown>;
      };
    }>;
  };
}

describe('the notifications GraphQL API over HTTP', () => {
  let database: TestDatabase;
  let service: NotificationsService;
  let server: RunningServer;
  let url: string;
  const caseId = randomUUID();

  async function graphql<T>(query: string, variables: object, actor: AuthenticatedActor | null) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(actor ? { authorization: await tokenFor(actor) } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions: { code: string; fields?: unknown[] } }>;
    };
  }

  const inboxOf = async (actor: AuthenticatedActor, variables: object = {}) => {
    const result = await graphql<InboxResult>(inboxQuery, variables, actor);
    expect(result.errors).toBeUndefined();
    return result.data!.inbox;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    service = await createNotificationsService({
      store: database.store,
      db: database.db,
      authenticate: testAuthenticator,
      clock: testClock('2024-05-01T08:00:00Z').clock,
      email: null,
      webhooks: { addressPolicy: 'loopback-only' },
    });
    await service.start({ timers: false, dispatcher: false });
    await appendStory(database.store, caseId, [...untilDecision, 'reject']);
    await service.catchUp();
    await service.drain();
    const app = createHttpApp({
      service: 'notifications',
      logger: createLogger({ service: 'notifications', level: 'silent' }),
      metrics: createMetrics({ processMetrics: false }),
      bodyLimitBytes: 64 * 1024,
      readiness: service.readiness,
      routes: service.routes,
      authenticate: testAuthenticator,
    });
    server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    url = `${server.url}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await service.close();
    await database.close();
  });

  it('shows the referring officer the messages addressed to her, rendered in either language, and not to a colleague', async () => {
    const inbox = await inboxOf(officer);
    const mine = inbox.edges.map((edge) => edge.node).filter((node) => node.caseId === caseId);
    expect(mine.map((node) => node.rule).sort()).toEqual([
      'case-claimed',
      'kot-decided',
      'kot-rejected-continue-smi',
    ]);
    expect(mine.every((node) => node.personal && node.readAt === null)).toBe(true);
    const decided = mine.find((node) => node.rule === 'kot-decided')!;
    expect(decided.title).toBe(`Besluit kinderopvangtoeslag: zaak ${caseNumberOf(caseId)}`);
    expect(decided.body).toContain('Dienst Toeslagen decided on 2024-04-30: rejected.');
    expect(decided.params).toMatchObject({ outcome: 'rejected', reason: 'partner-not-working' });

    const colleague = await inboxOf(officerColleague);
    expect(colleague.edges.filter((edge) => edge.node.caseId === caseId)).toEqual([]);
  });

  it('keeps a message to a role unread for each colleague until that colleague reads it', async () => {
    const before = await inboxOf(desk, { unreadOnly: true });
    const message = before.edges.find(
      (edge) => edge.node.caseId === caseId && edge.node.rule === 'kot-decided',
    )!.node;
    expect(message.personal).toBe(false);

    const marked = await graphql<{ markNotificationRead: { id: string; readAt: string } }>(
      'mutation Read($id: ID!) { markNotificationRead(id: $id) { id readAt } }',
      { id: message.id },
      desk,
    );
    expect(marked.data?.markNotificationRead.readAt).toBe('2024-05-01T08:00:00.000Z');
    const after = await inboxOf(desk, { unreadOnly: true });
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.edges.some((edge) => edge.node.id === message.id)).toBe(false);
    const colleague = await inboxOf(deskColleague, { unreadOnly: true });
    expect(colleague.edges.some((edge) => edge.node.id === message.id)).toBe(true);

    const notYours = await graphql(
      'mutation Read($id: ID!) { markNotificationRead(id: $id) { id } }',
      { id: message.id },
      officer,
    );
    expect(notYours.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('pages with cursors, newest first, without gaps or repeats', async () => {
    const all = (await inboxOf(officer, { first: 100 })).edges.map((edge) => edge.node.id);
    const first = await inboxOf(officer, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await inboxOf(officer, { first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(all);
  });

  it('answers with error codes: unauthenticated, bad input with every problem, forbidden', async () => {
    const anonymous = await graphql(inboxQuery, {}, null);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const bad = await graphql(
      `
        mutation Create($input: CreateWebhookSubscriptionInput!) {
          createWebhookSubscription(input: $input) {
            secret
          }
        }
      `,
      { input: { callbackUrl: 'https://partner.example/hook', eventTypes: ['KotExploded'] } },
      officer,
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions.fields).toHaveLength(2);

    const household = {
      id: 'u-household',
      role: 'household',
      organisation: `household:${caseId}`,
    } as const;
    const forbidden = await graphql(
      '{ deadLetters(first: 5) { edges { node { id } } } }',
      {},
      household,
    );
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const tooMany = await graphql(inboxQuery, { first: 1000 }, officer);
    expect(tooMany.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets the household see the decision, and until when it can object, in its own inbox', async () => {
    const household = {
      id: 'u-household',
      role: 'household',
      organisation: `household:${caseId}`,
    } as const;
    const inbox = await inboxOf(household);
    expect(inbox.edges.map((edge) => edge.node.rule).sort()).toEqual([
      'kot-decided',
      'kot-rejected-objection-deadline',
    ]);
  });

  it('lets only a platform admin set, list and remove where a role or a person is notified', async () => {
    const admin = { id: 'u-admin', role: 'platform-admin', organisation: 'kot-platform' } as const;
    const set = `mutation Set($input: NotificationRecipientInput!) {
      setNotificationRecipient(input: $input) { organisation role personId displayName email language channels }
    }`;
    const input = {
      organisation: 'GM0344',
      role: 'smi-officer',
      displayName: 'Team SMI Utrecht',
      email: 'smi@utrecht.example',
    };
    const refused = await graphql(set, { input }, officer);
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const saved = await graphql<{ setNotificationRecipient: unknown }>(set, { input }, admin);
    expect(saved.data?.setNotificationRecipient).toEqual({
      ...input,
      personId: '*',
      language: 'nl',
      channels: ['email'],
    });
    const bad = await graphql(
      set,
      { input: { ...input, role: 'smi-boss', email: 'not-an-address' } },
      admin,
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions.fields).toMatchObject([
      { field: 'role' },
      { field: 'email' },
    ]);
    expect(JSON.stringify(bad)).not.toContain('not-an-address');

    const list = await graphql<{ notificationRecipients: Array<{ email: string }> }>(
      '{ notificationRecipients(organisation: "GM0344") { email } }',
      {},
      admin,
    );
    expect(list.data?.notificationRecipients).toEqual([{ email: 'smi@utrecht.example' }]);
    const remove = `mutation { removeNotificationRecipient(organisation: "GM0344", role: "smi-officer") }`;
    expect((await graphql(remove, {}, admin)).data).toEqual({ removeNotificationRecipient: true });
    expect((await graphql(remove, {}, admin)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
