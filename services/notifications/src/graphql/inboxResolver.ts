import type { NotificationParams, NotificationRule } from '@kot/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InboxMessage } from '../channels/inbox/inboxStore';
import type { GraphQLContext } from '../platformPort';
import type { NotificationsResolverDeps } from './notificationsResolverDeps';
import { InboxConnection, InboxMessageType, MessageLanguage } from './types/inboxTypes';

const toType = (message: InboxMessage): InboxMessageType => ({
  id: message.id,
  rule: message.rule,
  caseId: message.caseId,
  municipality: message.municipality,
  params: message.params,
  createdAt: message.createdAt.toISOString(),
  readAt: message.readAt?.toISOString() ?? null,
  personal: message.personal,
});

@Resolver(() => InboxMessageType)
export class InboxResolver {
  constructor(private readonly deps: NotificationsResolverDeps) {}

  @Query(() => InboxConnection, {
    description: 'Your messages and those to your role in your organisation, newest first.',
  })
  async inbox(
    @Ctx() context: GraphQLContext,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<InboxConnection> {
    const page = await this.deps.notifications.inbox(await context.actor(), {
      unreadOnly,
      first,
      after: after ?? null,
    });
    return {
      edges: page.messages.map((message) => ({ cursor: message.cursor, node: toType(message) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.messages[page.messages.length - 1]?.cursor ?? null,
      },
      unreadCount: page.unreadCount,
    };
  }

  @Mutation(() => InboxMessageType, { description: 'Marks a message read, for you only.' })
  async markNotificationRead(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ): Promise<InboxMessageType> {
    return toType(await this.deps.notifications.markNotificationRead(await context.actor(), id));
  }

  @FieldResolver(() => String, { description: 'The subject line, rendered from params.' })
  title(
    @Root() message: InboxMessageType,
    @Arg('language', () => MessageLanguage, { defaultValue: MessageLanguage.nl })
    language: MessageLanguage,
  ): string {
    return this.deps.templates.render(
      message.rule as NotificationRule,
      language,
      message.params as NotificationParams,
    ).subject;
  }

  @FieldResolver(() => String, { description: 'The message text, rendered from params.' })
  body(
    @Root() message: InboxMessageType,
    @Arg('language', () => MessageLanguage, { defaultValue: MessageLanguage.nl })
    language: MessageLanguage,
  ): string {
    return this.deps.templates.render(
      message.rule as NotificationRule,
      language,
      message.params as NotificationParams,
    ).text;
  }
}
