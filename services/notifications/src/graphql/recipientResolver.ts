import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RecipientEntry } from '../recipients/recipientDirectory';
import type { GraphQLContext } from '../platformPort';
import type { NotificationsResolverDeps } from './notificationsResolverDeps';
import { MessageLanguage } from './types/inboxTypes';
import { NotificationRecipientInput, NotificationRecipientType } from './types/recipientTypes';

const toType = (entry: RecipientEntry): NotificationRecipientType => ({
  ...entry,
  language: entry.language === 'en' ? MessageLanguage.en : MessageLanguage.nl,
});

@Resolver()
export class RecipientResolver {
  constructor(private readonly deps: NotificationsResolverDeps) {}

  @Query(() => [NotificationRecipientType], {
    description: 'The recipient directory (all, or one organisation). Platform admins only.',
  })
  async notificationRecipients(
    @Ctx() context: GraphQLContext,
    @Arg('organisation', () => String, { nullable: true }) organisation: string | null,
  ): Promise<NotificationRecipientType[]> {
    const entries = await this.deps.notifications.notificationRecipients(
      await context.actor(),
      organisation ?? undefined,
    );
    return entries.map(toType);
  }

  @Mutation(() => NotificationRecipientType, {
    description:
      'Sets where a role or a person is notified besides the inbox. Platform admins only.',
  })
  async setNotificationRecipient(
    @Ctx() context: GraphQLContext,
    @Arg('input', () => NotificationRecipientInput) input: NotificationRecipientInput,
  ): Promise<NotificationRecipientType> {
    const entry = await this.deps.notifications.setNotificationRecipient(await context.actor(), {
      organisation: input.organisation,
      role: input.role,
      displayName: input.displayName,
      ...(input.personId ? { personId: input.personId } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.language ? { language: input.language } : {}),
      ...(input.channels ? { channels: input.channels } : {}),
    });
    return toType(entry);
  }

  @Mutation(() => Boolean, { description: 'Removes a directory entry. Platform admins only.' })
  async removeNotificationRecipient(
    @Ctx() context: GraphQLContext,
    @Arg('organisation', () => String) organisation: string,
    @Arg('role', () => String) role: string,
    @Arg('personId', () => String, { defaultValue: '*' }) personId: string,
  ): Promise<boolean> {
    return this.deps.notifications.removeNotificationRecipient(await context.actor(), {
      organisation,
      role,
      personId,
    });
  }
}
