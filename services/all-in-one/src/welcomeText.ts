import { demoOrganisations, demoUsers } from './demoDirectory';
import type { RunningPlatform } from './startPlatform';
import { demoCaseIds } from './seedDemoCases';

/**
 * What `npm start` prints: the portal first (a new user opens the first address and lands where
 * people work), then the API, the demo organisations and people, where e-mail goes, and a token
 * per demo user for clients that are not the portal.
 */
export function welcomeText(platform: RunningPlatform, startMs: number): string {
  const store = platform.config.eventStore;
  const where = store.kind === 'pglite' ? `PGlite in ${store.dataDir}` : store.kind;
  const url = platform.url;
  const lines = [
    '',
    `KOT referral platform is running (${where}; started in ${startMs} ms)`,
    '',
    `  Portal (open this in your browser): ${url}/`,
    platform.config.graphql.sandbox
      ? `  GraphQL API and sandbox:            ${url}/graphql`
      : `  GraphQL API:                        ${url}/graphql`,
    `  REST intake for agency systems:     POST ${url}/commands/<CommandType>`,
    `  Health, readiness, metrics:         ${url}/healthz  ${url}/readyz  ${url}/metrics`,
    `  E-mail:                             ${emailLine(platform)}`,
    `  In-app messages:                    the portal's inbox (Berichten)`,
    `  Webhooks:                           createWebhookSubscription; ${webhookLine(platform)}`,
    `                                      each call shows in caseHistory, failures in deadLetters`,
    '',
  ];
  if (!platform.demoSignIn) {
    lines.push('Sign in with a token from your identity provider (Authorization: Bearer <token>).');
    return lines.join('\n');
  }
  lines.push(
    "Demo organisations and people (invented; pick one on the portal's sign-in page):",
    '',
  );
  for (const organisation of demoOrganisations) {
    const people = demoUsers
      .filter((demo) => demo.actor.organisation === organisation.id)
      .map((demo) => `${demo.actor.name ?? demo.actor.id} (${demo.actor.role})`);
    lines.push(`  ${organisation.name.padEnd(36)} ${people.join(', ')}`);
  }
  lines.push(
    '',
    'Demo tokens for the GraphQL sandbox and the REST intake (valid 8 hours;',
    'send as "Authorization: Bearer <token>"):',
    '',
  );
  for (const [key, token] of Object.entries(platform.tokens)) {
    lines.push(`  ${key.padEnd(22)} ${token}`);
  }
  lines.push(
    '',
    `Demo cases: ${demoCaseIds.offered} (offered to Bewindvoering Horizon),`,
    `            ${demoCaseIds.awaitingDecision} (decision overdue at Toeslagen),`,
    `            ${demoCaseIds.gap} (rejected after SMI ended: a funding gap).`,
    '',
    'README.md walks one case through the whole process, role by role.',
  );
  return lines.join('\n');
}

function emailLine(platform: RunningPlatform): string {
  switch (platform.email) {
    case 'directory':
      return `written as .eml files to ${platform.mailDirectory} (open them in any mail program)`;
    case 'smtp':
      return `sent through the SMTP server at ${platform.mailServer}`;
    case 'off':
      return 'not sent (set SMTP_URL or MAIL_DIR)';
  }
}

function webhookLine(platform: RunningPlatform): string {
  return platform.webhookAddresses === 'public-or-loopback'
    ? 'a receiver on 127.0.0.1 may be used here'
    : `callback addresses allowed: ${platform.webhookAddresses}`;
}
