// Embedded demo only: the portal's user picker lists the demo users and signs in as one of them
// without copying tokens around. Mounted only when the platform itself issues HS256 demo tokens;
// with a real identity provider these routes do not exist.
import { Router, type RequestHandler } from 'express';
import { issueToken } from '@kot/platform';
import { demoOrganisations, demoUsers } from './demoDirectory';

export interface DemoSignInSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export function demoSignInRoutes(settings: DemoSignInSettings): RequestHandler {
  const router = Router();
  const organisationOf = (id: string) => demoOrganisations.find((o) => o.id === id);
  router.get('/demo/users', (_req, res) => {
    res.json(
      demoUsers.map((user) => ({
        key: user.key,
        name: user.actor.name ?? user.key,
        role: user.actor.role,
        organisation: user.actor.organisation,
        organisationName: organisationOf(user.actor.organisation)?.name ?? user.actor.organisation,
        // Where a supporter organisation helps families: the portal's signposting reads it.
        serves: organisationOf(user.actor.organisation)?.serves ?? [],
      })),
    );
  });
  router.post('/demo/sign-in', async (req, res) => {
    const key: unknown = (req.body as { key?: unknown } | undefined)?.key;
    const user = demoUsers.find((candidate) => candidate.key === key);
    if (!user) {
      res
        .status(404)
        .type('application/problem+json')
        .json({ title: 'No such demo user', status: 404 });
      return;
    }
    const { secret, issuer, audience } = settings;
    res.json({ token: await issueToken(secret, user.actor, '8h', { issuer, audience }) });
  });
  return router;
}
