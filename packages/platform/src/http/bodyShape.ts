// A JSON body is looked at once, as data, before any route reads it: keys that name an object's
// prototype machinery (`__proto__`, `constructor`, `prototype`) are refused as unknown fields, so
// no later spread, merge or `in` check can mistake them for a field or a prototype; and nesting
// is bounded, so no recursive reader further on can run out of stack.

import type { RequestHandler } from 'express';
import { excerpt, refuseInput, text, type FieldProblem } from '@kot/domain';
import { sendProblem } from './problemDetails';

export const reservedKeys: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Deeper than any command (an OpenReferral is 5 levels below `variables`). */
export const maxBodyNesting = 32;

/** The first problem with the body's keys or nesting, with its path; null when there is none. */
export function bodyShapeProblem(body: unknown): FieldProblem | null {
  // Iterative, with its own stack: the body itself may be nested thousands deep.
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxBodyNesting) {
      return {
        field: path || '(body)',
        reason: text(
          `te diep genest (hoogstens ${maxBodyNesting} niveaus)`,
          `nested too deeply (at most ${maxBodyNesting} levels)`,
        ),
      };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        pending.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }),
      );
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${excerpt(key)}` : excerpt(key);
      if (reservedKeys.includes(key)) return { field: at, reason: unknownField };
      pending.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return null;
}

const unknownField = text('onbekend veld', 'unknown field');

/**
 * Refuses a body with a reserved key or too deep a nesting (400 BAD_USER_INPUT naming the field).
 * In a GraphQL request the path starts at the variable (`input.__proto__`), as graphql-js names it.
 */
export const bodyShapeGuard: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  const problem = bodyShapeProblem(body);
  if (!problem) return next();
  const isGraphQL = typeof (body as { query?: unknown }).query === 'string';
  const field = isGraphQL ? problem.field.replace(/^variables\./, '') : problem.field;
  sendProblem(req, res, refuseInput([{ field, reason: problem.reason }]));
};
