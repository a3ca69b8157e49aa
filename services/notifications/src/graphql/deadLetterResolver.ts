import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../platformPort';
import type { NotificationsResolverDeps } from './notificationsResolverDeps';
import { DeadLetterConnection } from './types/deadLetterTypes';

@Resolver()
export class DeadLetterResolver {
  constructor(private readonly deps: NotificationsResolverDeps) {}

  @Query(() => DeadLetterConnection, {
    description:
      'Deliveries that failed every attempt: all for a platform admin, else your organisation’s.',
  })
  async deadLetters(
    @Ctx() context: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<DeadLetterConnection> {
    const page = await this.deps.notifications.deadLetters(await context.actor(), {
      first,
      after: after ?? null,
    });
    return {
      edges: page.deadLetters.map((deadLetter) => ({
        cursor: deadLetter.cursor,
        node: {
          id: deadLetter.id,
          notificationId: deadLetter.intentId,
          rule: deadLetter.rule,
          caseId: deadLetter.caseId,
          recipientOrganisation: deadLetter.recipientOrganisation,
          channel: deadLetter.channel,
          address: deadLetter.address,
          attempts: deadLetter.attempts,
          lastError: deadLetter.lastError,
          deadAt: deadLetter.deadAt?.toISOString() ?? null,
        },
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.deadLetters[page.deadLetters.length - 1]?.cursor ?? null,
      },
    };
  }

  @Mutation(() => Boolean, {
    description: 'Queues a dead letter again with a fresh set of attempts.',
  })
  async retryDeadLetter(
    @Ctx() context: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ): Promise<boolean> {
    return this.deps.notifications.retryDeadLetter(await context.actor(), id);
  }
}
