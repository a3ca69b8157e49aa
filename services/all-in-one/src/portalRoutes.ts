// The portal (services/portal, built with `npm run build -w services/portal`) at `/`. Its pages
// have their own paths, so any other GET for an HTML page answers with index.html; API paths are
// mounted before this and never reach it. Files are sent as the portal's own server sends them
// (compressed copies, hashed assets cached for a year: @kot/portal/server/staticAssets). Beside it,
// `/portal/config` tells the page, before anyone signs in, whether to offer sign-in through the
// organisation's identity provider.
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Router, type RequestHandler } from 'express';
import {
  portalContentSecurityPolicy,
  setContentSecurityPolicy,
  type OidcSettings,
} from '@kot/platform';
import { assetPath, sendAsset } from '@kot/portal/server/staticAssets';

export const defaultPortalDir = resolve(__dirname, '../../portal/dist');

/** The path as a file name, or null when it is not valid percent-encoding. */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export function portalRoutes(
  oidc: OidcSettings | null,
  portalDir: string = defaultPortalDir,
): RequestHandler {
  const router = Router();
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
  router.get(/.*/, (req, res, next) => {
    const path = decodedPath(req.path);
    if (path === null) return next();
    if (extname(path) !== '') {
      if (!assetPath(portalDir, path)) return next();
      return sendAsset(req, res, portalDir, path);
    }
    if (!req.accepts('html')) return next();
    if (!existsSync(resolve(portalDir, 'index.html'))) {
      res
        .status(503)
        .type('text/plain')
        .send('The portal is not built yet: run `npm run build -w services/portal`.');
      return;
    }
    sendAsset(req, res, portalDir, 'index.html');
  });
  return router;
}
