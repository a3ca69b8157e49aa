// Rate limits on the paths that do work (/graphql, /commands): per signed-in person (the token's
// subject, whatever address they come from) and, for requests without a valid token, per client
// address. One busy client slows only itself; a flood of bad tokens from one address stops early.
//
// Counts are kept in this process's memory: with several instances behind a balancer each counts
// on its own, so the effective limit is the setting times the instances (see the README).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { text } from '@kot/domain';
import type { Authenticator } from '../auth/createAuthenticator';
import type { RateLimitSettings } from '../config/loadConfig';
import { problemDetails } from './problemDetails';
import { requestContextOf } from './requestContext';

/** The paths limited; health, readiness, metrics and the portal's files are not. */
export const limitedPaths = ['/graphql', '/commands'];

interface Quota {
  key: string;
  limit: number;
}

const quotaOf = (res: Response): Quota => res.locals['rateLimitQuota'] as Quota;

const rateLimitedReason = text(
  'U heeft te veel verzoeken in korte tijd gestuurd. Wacht even en probeer het dan opnieuw.',
  'You sent too many requests in a short time. Wait a moment and try again.',
);

export function rateLimitMiddleware(
  settings: RateLimitSettings,
  authenticate: Authenticator,
): RequestHandler {
  // Who is asking: a valid token's subject, else the client address (IPv6 per /56 network, so
  // one host cannot step around the limit by changing its interface id).
  const identify: RequestHandler = async (req, res, next) => {
    try {
      const actor = await authenticate(req.get('authorization'));
      res.locals['rateLimitQuota'] = { key: `subject:${actor.id}`, limit: settings.perSubject };
    } catch {
      // The request goes on and is refused with 401 (or 503) where the actor is needed.
      res.locals['rateLimitQuota'] = {
        key: `address:${ipKeyGenerator(req.ip ?? 'unknown')}`,
        limit: settings.perAddress,
      };
    }
    next();
  };
  const limiter = rateLimit({
    windowMs: settings.windowSeconds * 1000,
    limit: (_req, res) => quotaOf(res).limit,
    keyGenerator: (_req, res) => quotaOf(res).key,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // Our key generator handles addresses itself (see identify).
    validate: { keyGeneratorIpFallback: false },
    handler: (req, res) => answerRateLimited(req, res),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!limitedPaths.some((path) => req.path === path || req.path.startsWith(`${path}/`))) {
      return next();
    }
    identify(req, res, (error?: unknown) => {
      if (error) return next(error);
      return limiter(req, res, next);
    });
  };
}

/**
 * 429 with Retry-After (set by the limiter) and the platform's coded error: a GraphQL error
 * document on /graphql (so a GraphQL client shows the reason), a problem document elsewhere.
 */
function answerRateLimited(req: Request, res: Response): void {
  const { correlationId, logger } = requestContextOf(res);
  logger.warn({ route: req.path, key: quotaOf(res).key.split(':')[0] }, 'rate limit reached');
  const described = {
    code: 'RATE_LIMITED' as const,
    status: 429,
    type: 'urn:kot:problem:rate-limited',
    title: 'Too many requests',
    reason: rateLimitedReason,
    fields: [],
    expected: true,
  };
  const retryAfterSeconds = Number(res.getHeader('Retry-After') ?? 0);
  if (req.path === '/graphql') {
    res.status(429).json({
      errors: [
        {
          message: rateLimitedReason.en,
          extensions: { code: 'RATE_LIMITED', reason: rateLimitedReason, retryAfterSeconds },
        },
      ],
    });
    return;
  }
  res
    .status(429)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problemDetails(described, req, correlationId), retryAfterSeconds }));
}
