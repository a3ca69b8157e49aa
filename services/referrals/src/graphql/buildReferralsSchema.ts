import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver, buildSchema } from 'type-graphql';
import type { CommandResolverClass } from './commandResolver';

// GraphQL requires a Query type; a schema of commands alone answers this one.
@Resolver()
export class ServiceInfoResolver {
  @Query(() => String, {
    description: 'Which service answers: the write side of the referral platform.',
  })
  referralsService(): string {
    return 'referrals';
  }
}

export function buildReferralsSchema(
  commandResolver: CommandResolverClass,
  ...more: CommandResolverClass[]
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [commandResolver, ...more, ServiceInfoResolver],
    validate: false,
  });
}
