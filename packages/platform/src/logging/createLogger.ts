// Structured JSON logs (pino) that carry correlation ids and never personal data: fixed redact
// paths for the usual places (headers, bodies) and a deep scrub of every log line on top.

import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/loadConfig';
import { REDACTED, safeErrorMessage, scrubPersonalData, scrubText } from './scrubPersonalData';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The service name on every line. */
  service: string;
  level?: LogLevel;
  /** Where lines go; standard output when omitted (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

export const redactPaths: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'headers.authorization',
  'headers.cookie',
  'body',
  'command',
  'variables',
  '*.bsn',
  '*.name',
  '*.birthDate',
  '*.household',
  '*.children',
];

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...redactPaths], censor: REDACTED },
      // scrubPersonalData already turned errors into safe plain objects; pino's own err
      // serializer would put the message back in its own shape.
      serializers: { err: (error: unknown) => error },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubPersonalData(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const [first, second] = args as unknown[];
          // pino would use the error's own message as the line's message: give it a safe one.
          if (first instanceof Error && typeof second !== 'string') {
            method.call(this, first, safeErrorMessage(first));
            return;
          }
          const scrubbed = args.map((arg: unknown) =>
            typeof arg === 'string' ? scrubText(arg) : arg,
          ) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
    },
    // Synchronous: a line written just before the process exits is not lost.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger for one request or command: every line carries its correlation id. */
export const withCorrelationId = (logger: Logger, correlationId: string): Logger =>
  logger.child({ correlationId });
