// Every request gets a correlation id (the caller's X-Correlation-Id, or a new one) and a logger
// that carries it; both travel with the response locals and back out in the response header.

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { refuseInput } from '@kot/domain';
import { withCorrelationId, type Logger } from '../logging/createLogger';
import { keyMayHoldBsnReason, mayHoldBsn } from '../ids/clientKeys';
import { newId } from '../ids/newId';
import { sendProblem } from './problemDetails';

export const correlationIdHeader = 'X-Correlation-Id';

export interface RequestContext {
  correlationId: string;
  logger: Logger;
}

// Anything else is replaced: the id ends up in logs and headers, so it must be short and plain.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const offered = req.get(correlationIdHeader);
    const acceptable = offered !== undefined && ACCEPTABLE_ID.test(offered);
    // A correlation id is stored with the events it caused: one that may hold a BSN is refused,
    // not quietly replaced, so the sending system learns to stop building ids from BSNs.
    const refused = acceptable && mayHoldBsn(offered);
    const correlationId = acceptable && !refused ? offered : newId();
    const context: RequestContext = {
      correlationId,
      logger: withCorrelationId(logger, correlationId),
    };
    res.locals['requestContext'] = context;
    res.setHeader(correlationIdHeader, correlationId);
    if (refused) {
      sendProblem(
        req,
        res,
        refuseInput([{ field: correlationIdHeader, reason: keyMayHoldBsnReason }]),
      );
      return;
    }
    next();
  };
}

export function requestContextOf(res: Response): RequestContext {
  const context = res.locals['requestContext'] as RequestContext | undefined;
  if (!context) throw new Error('correlationIdMiddleware must run before this handler');
  return context;
}

/** What went wrong with a request that was refused, for its one access-log line. */
export interface RequestProblem {
  code: string;
  fields?: readonly string[];
}

/** Notes the refusal of this request (the first one counts) for the access log. */
export function noteProblem(res: Response, problem: RequestProblem): void {
  res.locals['problem'] ??= problem;
}

export const problemOf = (res: Response): RequestProblem | undefined =>
  res.locals['problem'] as RequestProblem | undefined;
