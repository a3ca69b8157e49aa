// The portal (services/portal, built with `npm run build -w services/portal`) at `/`. Its pages
// have their own paths, so any other GET for an HTML page answers with index.html; API paths are
// mounted before this and never reach it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';

export const defaultPortalDir = resolve(__dirname, '../../portal/dist');

export function portalRoutes(portalDir: string = defaultPortalDir): RequestHandler {
  const router = Router();
  const index = resolve(portalDir, 'index.html');
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
