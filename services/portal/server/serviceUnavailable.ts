// What the portal answers when a service behind it does not answer: a GraphQL error the page shows
// in the reader's language (extensions.reason), naming the service, so an operator knows which
// container to look at and a user knows it is not their mistake.

import type { ServerResponse } from 'node:http';

/** Which part of the platform a service is, in words a user of the portal recognises. */
const serviceWords: Record<string, { nl: string; en: string }> = {
  referrals: { nl: 'het vastleggen van stappen', en: 'recording steps' },
  projections: { nl: 'het tonen van zaken en werklijsten', en: 'showing cases and worklists' },
  notifications: { nl: 'de berichten', en: 'the messages' },
};

/** `service` null: the one API behind GRAPHQL_URL. */
export function unavailableReason(service: string | null): { nl: string; en: string } {
  if (service === null) {
    return {
      nl: 'Het platform is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
      en: 'The platform cannot be reached right now. Please try again in a few minutes.',
    };
  }
  const words = serviceWords[service] ?? { nl: service, en: service };
  return {
    nl: `De dienst ${service} (${words.nl}) is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.`,
    en: `The ${service} service (${words.en}) cannot be reached right now. Please try again in a few minutes.`,
  };
}

export function answerUnavailable(res: ServerResponse, service: string | null): void {
  if (res.headersSent) return void res.end();
  const reason = unavailableReason(service);
  res.writeHead(502, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      errors: [
        {
          message: reason.en,
          extensions: {
            code: 'SERVICE_UNAVAILABLE',
            reason,
            ...(service ? { service } : {}),
          },
        },
      ],
    }),
  );
}
