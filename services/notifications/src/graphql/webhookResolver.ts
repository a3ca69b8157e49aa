import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { WebhookSubscription } from '../channels/webhooks/webhookSubscriptions';
import type { GraphQLContext } from '../platformPort';
import type { NotificationsResolverDeps } from './notificationsResolverDeps';
import {
  CreateWebhookSubscriptionInput,
  CreatedWebhookSubscription,
  WebhookSubscriptionType,
} from './types/webhookTypes';

const toType = (subscription: WebhookSubscription): WebhookSubscriptionType => ({
  id: subscription.id,
  organisation: subscription.organisation,
  callbackUrl: subscription.callbackUrl,
  eventTypes: subscription.eventTypes,
  rules: subscription.rules,
  municipalities: subscription.municipalities,
  caseIds: subscription.caseIds,
  createdBy: subscription.createdBy,
  createdAt: subscription.createdAt.toISOString(),
});

@Resolver()
export class WebhookResolver {
  constructor(private readonly deps: NotificationsResolverDeps) {}

  @Query(() => [WebhookSubscriptionType], { description: "Your organisation's active webhooks." })
  async webhookSubscriptions(
    @Ctx() context: GraphQLContext,
    @Arg('organisation', () => String, { nullable: true }) organisation: string | null,
  ): Promise<WebhookSubscriptionType[]> {
    const actor = await context.actor();
    return (
      await this.deps.notifications.webhookSubscriptions(actor, organisation ?? undefined)
    ).map(toType);
  }

  @Mutation(() => CreatedWebhookSubscription, {
    description:
      'Checks the URL and filters, sends a signed test delivery, and saves only if it got 2xx.',
  })
  async createWebhookSubscription(
    @Ctx() context: GraphQLContext,
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
  ): Promise<CreatedWebhookSubscription> {
    const created = await this.deps.notifications.createWebhookSubscription(await context.actor(), {
      callbackUrl: input.callbackUrl,
      ...(input.organisation ? { organisation: input.organisation } : {}),
      ...(input.eventTypes ? { eventTypes: input.eventTypes } : {}),
      ...(input.rules ? { rules: input.rules } : {}),
      ...(input.municipalities ? { municipalities: input.municipalities } : {}),
      ...(input.caseIds ? { caseIds: input.caseIds } : {}),
    });
    return { subscription: toType(created), secret: created.secret };
  }

  @Mutation(() => Boolean)
  async deleteWebhookSubscription(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ): Promise<boolean> {
    return this.deps.notifications.deleteWebhookSubscription(await context.actor(), id);
  }
}
