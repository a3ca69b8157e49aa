// What `/portal/config` says about the identity provider the page signs in through (null when
// there is none): written by the portal's server, read by the page. No DOM here, so both compile it.
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  /** The resource indicator (RFC 8707) some providers need to issue a JWT for the platform. */
  resource: string | null;
}
