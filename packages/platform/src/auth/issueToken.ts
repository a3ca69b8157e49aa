import type { Actor } from '@kot/domain';
import { SignJWT } from 'jose';
import { embeddedAudience, embeddedIssuer } from '../config/loadConfig';
import { claimsOf } from './actorFromClaims';

export interface IssueTokenOptions {
  issuer?: string;
  audience?: string;
  /** When the token is issued; now when omitted. */
  issuedAt?: Date;
  /** Not valid before this moment (`nbf`); no such claim when omitted. */
  notBefore?: Date;
}

/**
 * An HS256 token for the embedded demo and tests. `ttl` in seconds, or a span like "8h".
 * Production tokens come from an identity provider, never from here.
 */
export async function issueToken(
  secret: string,
  actor: Actor,
  ttl: number | string,
  options: IssueTokenOptions = {},
): Promise<string> {
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const lifetime = typeof ttl === 'number' ? ttl : spanInSeconds(ttl);
  const notBefore = options.notBefore && Math.floor(options.notBefore.getTime() / 1000);
  return new SignJWT({ ...claimsOf(actor), ...(notBefore !== undefined ? { nbf: notBefore } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuer(options.issuer ?? embeddedIssuer)
    .setAudience(options.audience ?? embeddedAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(new TextEncoder().encode(secret));
}

const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function spanInSeconds(span: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(span.trim());
  const unit = match?.[2] && unitSeconds[match[2]];
  if (!match || !unit)
    throw new Error(`ttl "${span}": use seconds or a span like 90s, 15m, 8h, 2d`);
  return Number(match[1]) * unit;
}
