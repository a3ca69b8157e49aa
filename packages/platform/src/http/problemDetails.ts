// Errors as RFC 7807 problem documents (application/problem+json), with the same code and
// bilingual reason the GraphQL API gives.

import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { text, type Text } from '@kot/domain';
import { describeError, type DescribedError } from '../errors/describeError';
import { noteProblem, requestContextOf } from './requestContext';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** The reason in English; `reason` has it in Dutch too. */
  detail: string;
  code: DescribedError['code'];
  reason: Text;
  errors: Array<{ field: string; reason: Text }>;
  instance?: string;
  correlationId?: string;
}

export function problemDetails(described: DescribedError, req?: Request, correlationId?: string) {
  const problem: ProblemDetails = {
    type: described.type,
    title: described.title,
    status: described.status,
    detail: described.reason.en,
    code: described.code,
    reason: described.reason,
    errors: described.fields.map(({ field, reason }) => ({ field, reason })),
    ...(req ? { instance: req.originalUrl.split('?')[0] } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
  return problem;
}

/** Answers with the problem for `error`; our own failures are logged, never shown. */
export function sendProblem(req: Request, res: Response, error: unknown): void {
  const { correlationId, logger } = requestContextOf(res);
  const described = describeError(error);
  // Our own failure: at error, with the stack. The caller's: only on the access-log line.
  if (!described.expected) logger.error({ err: error }, 'request failed');
  else noteProblem(res, { code: described.code, fields: described.fields.map((f) => f.field) });
  if (described.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
  res
    .status(described.status)
    .type('application/problem+json')
    .send(JSON.stringify(problemDetails(described, req, correlationId)));
}

export const problemErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  sendProblem(req, res, error);
};

export const notFoundHandler: RequestHandler = (req, res) => {
  const { correlationId } = requestContextOf(res);
  const reason = text('Dit adres bestaat niet.', 'There is nothing at this address.');
  res
    .status(404)
    .type('application/problem+json')
    .send(
      JSON.stringify(
        problemDetails(
          {
            code: 'NOT_FOUND',
            status: 404,
            type: 'urn:kot:problem:no-such-route',
            title: 'Not found',
            reason,
            fields: [],
            expected: true,
          },
          req,
          correlationId,
        ),
      ),
    );
};
