// The portal (services/portal, built with `npm run build -w services/portal`) at `/`. Its pages
// have their own paths, so any other GET for an HTML page answers with index.html; API paths are
// mounted before this and never reach it. Beside it, `/portal/config` tells the page, before
// anyone signs in, whether to offer sign-in through the organisation's identity provider.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import {
  portalContentSecurityPolicy,
  setContentSecurityPolicy,
  type OidcSettings,
} from '@kot/platform';

export const defaultPortalDir = resolve(__dirname, '../../portal/dist');

export function portalRoutes(
  oidc: OidcSettings | null,
  portalDir: string = defaultPortalDir,
): RequestHandler {
  const router = Router();
  const index = resolve(portalDir, 'index.html');
  const policy = portalContentSecurityPolicy(oidc?.issuer ?? null);
  // Public by design: an issuer and a public client id are no secrets, and the page needs them
  // before anyone is signed in. Not cached, so a changed setting shows at the next page load.
  router.get('/portal/config', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ oidc });
  });
  // The page and its files run under the portal's policy; the API paths keep theirs.
  router.use((_req, res, next) => {
    setContentSecurityPolicy(res, policy);
    next();
  });
  router.use(express.static(portalDir, { index: false, maxAge: '1h', fallthrough: true }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html') || req.path.includes('.')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The portal is not built yet: run `npm run build -w services/portal`.');
      return;
    }
    // The page itself must not be cached: a new build changes the asset names it points to.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
