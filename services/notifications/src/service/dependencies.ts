import type { Actor } from '@kot/domain';
// What the service needs from the outside world, as plain function types. The platform package
// provides the real ones (pino logger, JWT authenticator); tests pass small stand-ins.

/** The moment "now" for timers, back-off and delivery times; injected so tests can move time. */
export type Clock = () => Date;

export interface Logger {
  debug(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** Who is calling, as far as this service needs to know. */
export type AuthenticatedActor = Pick<Actor, 'id' | 'role' | 'organisation'>;

export type { Authenticator } from '../platformPort';

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
