import 'reflect-metadata';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AuditResolver } from './resolvers/AuditResolver';
import { CaseResolver } from './resolvers/CaseResolver';
import { ReportResolver } from './resolvers/ReportResolver';
import { SmiPolicyResolver } from './resolvers/SmiPolicyResolver';
import { WorklistResolver } from './resolvers/WorklistResolver';
import type { ReadSide } from './readSide';

export const projectionsResolverClasses = [
  CaseResolver,
  WorklistResolver,
  ReportResolver,
  AuditResolver,
  SmiPolicyResolver,
] as const;

/**
 * A type-graphql container holding this service's resolvers bound to the read side. Any other
 * class is constructed without arguments, so a launcher can build one schema from these and
 * another service's self-contained resolver classes with this container.
 */
export function projectionsResolverContainer(readSide: ReadSide): ContainerType {
  const instances = new Map<unknown, unknown>(
    projectionsResolverClasses.map((Resolver) => [Resolver, new Resolver(readSide)]),
  );
  return {
    get: (someClass: new () => unknown) => instances.get(someClass) ?? new someClass(),
  };
}

export async function buildProjectionsSchema(container: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: projectionsResolverClasses, container, validate: false });
}
