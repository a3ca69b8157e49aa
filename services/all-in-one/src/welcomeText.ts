import type { RunningPlatform } from './startPlatform';
import { demoCaseIds } from './seedDemoCases';

/** What `npm start` prints: where to go and how to sign in as each demo role. */
export function welcomeText(platform: RunningPlatform, startMs: number): string {
  const store = platform.config.eventStore;
  const where = store.kind === 'pglite' ? `PGlite in ${store.dataDir}` : store.kind;
  const lines = [
    '',
    `KOT referral platform is running (${where}; started in ${startMs} ms)`,
    '',
    `  GraphQL (sandbox in the browser): ${platform.url}/graphql`,
    `  REST intake for agency systems:   POST ${platform.url}/commands/<CommandType>`,
    `  Health, readiness, metrics:       ${platform.url}/healthz  /readyz  /metrics`,
    `  Notifications:                    the \`inbox\` query per user${platform.mailDirectory ? `; e-mails as .eml files in ${platform.mailDirectory}` : ''}${platform.mailServer ? `; e-mails by SMTP to ${platform.mailServer}` : ''}`,
    `  Webhooks:                         createWebhookSubscription (${platform.webhookAddresses === 'public-or-loopback' ? 'a receiver on 127.0.0.1 may be used here' : `addresses: ${platform.webhookAddresses}`});`,
    `                                    each call in caseHistory (notification.channel "webhook"), failures in deadLetters`,
    '',
  ];
  const tokens = Object.entries(platform.tokens);
  if (tokens.length > 0) {
    lines.push('Demo tokens (valid 8 hours; send as "Authorization: Bearer <token>"):', '');
    for (const [key, token] of tokens) lines.push(`  ${key.padEnd(22)} ${token}`);
    lines.push(
      '',
      `Demo cases: ${demoCaseIds.offered} (offered to Bewindvoering Horizon),`,
      `            ${demoCaseIds.awaitingDecision} (decision overdue at Toeslagen),`,
      `            ${demoCaseIds.gap} (rejected after SMI ended: a funding gap).`,
      '',
      'The README walks one case through the whole process with these tokens.',
    );
  }
  return lines.join('\n');
}
