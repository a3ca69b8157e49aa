import type { Request, Response } from 'express';
import type { Actor } from '@kot/domain';
import type { Authenticator } from '../auth/createAuthenticator';
import type { Logger } from '../logging/createLogger';
import { noteProblem, requestContextOf, type RequestProblem } from '../http/requestContext';

/** What every resolver of every service gets, so their resolvers can share one schema. */
export interface GraphQLContext {
  correlationId: string;
  logger: Logger;
  /** The Idempotency-Key header, for mutations that take no explicit commandId. */
  idempotencyKey: string | undefined;
  /**
   * The signed-in actor. Authentication happens on first use, so introspection and the sandbox
   * work without a token while every resolver that needs one fails with UNAUTHENTICATED.
   */
  actor(): Promise<Actor>;
  /** Notes why the request was refused, for its access-log line. */
  noteProblem(problem: RequestProblem): void;
}

export function graphqlContextOf(
  req: Request,
  res: Response,
  authenticate: Authenticator,
): GraphQLContext {
  const { correlationId, logger } = requestContextOf(res);
  let actor: Promise<Actor> | null = null;
  return {
    correlationId,
    logger,
    idempotencyKey: req.get('Idempotency-Key') || undefined,
    actor: () => (actor ??= authenticate(req.get('Authorization'))),
    noteProblem: (problem) => noteProblem(res, problem),
  };
}
