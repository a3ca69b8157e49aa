// The platform's real HS256 authenticator with a test secret, and tokens for synthetic actors.

import type { Actor } from '@kot/domain';
import { createAuthenticator, embeddedAudience, embeddedIssuer, issueToken } from '@kot/platform';
import type { AuthenticatedActor } from '../service/dependencies';

const secret = 'notifications-test-secret-of-at-least-32-characters';

export const testAuthenticator = createAuthenticator({
  kind: 'hs256',
  secret,
  issuer: embeddedIssuer,
  audience: embeddedAudience,
});

export const tokenFor = async (actor: AuthenticatedActor): Promise<string> =>
  `Bearer ${await issueToken(secret, actor as Actor, '1h')}`;
