// The headers every answer carries, from the APIs and from the portal alike: what a browser may
// load and run for the page (Content-Security-Policy), that no other site may frame it, no MIME
// sniffing, no referrer leaving with a case id in it, and HSTS once the page came over https.
// A plain table rather than a middleware package, so the portal's own node:http server (which
// has no express) sets exactly the same headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** An API answers JSON only: nothing to load, nothing to frame, no forms. */
export const apiContentSecurityPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The portal's page: its own scripts, styles, fonts and images only (no inline script, no eval),
 * and calls to its own origin, plus the identity provider's origin when it signs in through one
 * (the page fetches the discovery document and trades the code at the token endpoint there).
 */
export function portalContentSecurityPolicy(identityProviderIssuer: string | null): string {
  const provider = identityProviderIssuer ? ` ${new URL(identityProviderIssuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${provider}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Apollo's sandbox page (only with GRAPHQL_SANDBOX=on): its scripts, styles and frame come from
 * Apollo's CDN. The page adds its own nonce policy in a meta tag; both policies apply, so inline
 * code still needs that nonce. Nothing else on the platform gets these allowances.
 */
export const sandboxContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://embeddable-sandbox.cdn.apollographql.com https://apollo-server-landing-page.cdn.apollographql.com",
  "style-src 'self' 'unsafe-inline' https://embeddable-sandbox.cdn.apollographql.com https://apollo-server-landing-page.cdn.apollographql.com https://fonts.googleapis.com",
  "font-src 'self' https://fonts.gstatic.com",
  "img-src 'self' data: https://apollo-server-landing-page.cdn.apollographql.com",
  "manifest-src 'self' https://apollo-server-landing-page.cdn.apollographql.com",
  'frame-src https://sandbox.embed.apollographql.com',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year, the minimum the HSTS preload list asks for. */
const hstsMaxAgeSeconds = 365 * 24 * 60 * 60;

export function securityHeaderValues(options: {
  contentSecurityPolicy: string;
  https: boolean;
}): Record<string, string> {
  return {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // Page paths hold case ids; another site learns nothing from where a link was followed.
    'Referrer-Policy': 'no-referrer',
    // For browsers that do not know frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'X-DNS-Prefetch-Control': 'off',
    ...(options.https
      ? { 'Strict-Transport-Security': `max-age=${hstsMaxAgeSeconds}; includeSubDomains` }
      : {}),
  };
}

/**
 * Whether the browser reached us over https: express's `req.secure` (which reads
 * X-Forwarded-Proto only from a trusted proxy, TRUST_PROXY), else the socket itself.
 */
export function servedOverHttps(req: IncomingMessage & { secure?: boolean }): boolean {
  if (typeof req.secure === 'boolean') return req.secure;
  return (req.socket as Partial<TLSSocket>).encrypted === true;
}

export function setSecurityHeaders(
  req: IncomingMessage & { secure?: boolean },
  res: ServerResponse,
  contentSecurityPolicy: string,
): void {
  const headers = securityHeaderValues({ contentSecurityPolicy, https: servedOverHttps(req) });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** Replaces the policy for one answer (the portal's page, the sandbox). */
export function setContentSecurityPolicy(res: ServerResponse, policy: string): void {
  res.setHeader('Content-Security-Policy', policy);
}
