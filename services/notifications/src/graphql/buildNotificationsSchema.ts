import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { DeadLetterResolver } from './deadLetterResolver';
import { InboxResolver } from './inboxResolver';
import { RecipientResolver } from './recipientResolver';
import type { NotificationsResolverDeps } from './notificationsResolverDeps';
import { WebhookResolver } from './webhookResolver';

export const notificationsResolverClasses = [
  InboxResolver,
  WebhookResolver,
  DeadLetterResolver,
  RecipientResolver,
] as const;

/**
 * A type-graphql container holding this service's resolvers bound to its API. Any other class is
 * constructed without arguments, so a launcher can combine it with another service's container.
 */
export function notificationsResolverContainer(deps: NotificationsResolverDeps): ContainerType {
  const instances = new Map<unknown, unknown>(
    notificationsResolverClasses.map((Resolver) => [Resolver, new Resolver(deps)]),
  );
  return {
    get: (someClass: new () => unknown) => instances.get(someClass) ?? new someClass(),
  };
}

export async function buildNotificationsSchema(container: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: notificationsResolverClasses, container, validate: false });
}
