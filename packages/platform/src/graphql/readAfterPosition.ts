// Read your own writes. Every command answers with the log position its events reached; a query
// sent with that position in the X-Read-After-Position header is answered only once this
// service's read models have handled the log up to it. The wait is bounded: past the bound the
// query is refused with NOT_CAUGHT_UP (nothing is read), and the caller may simply ask again.
// A header rather than an argument: it holds for every field of the operation, and a client can
// send its session's last written position with every query without changing any document.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { text } from '@kot/domain';

export const readAfterPositionHeader = 'X-Read-After-Position';

/** Resolves true once every read model has handled `position`, false when `timeoutMs` passed first. */
export type WaitForPosition = (position: number, timeoutMs: number) => Promise<boolean>;

export interface ReadAfterPosition {
  waitFor: WaitForPosition;
  /** The longest a query waits for the read models. */
  timeoutMs: number;
}

export const defaultReadAfterTimeoutMs = 5_000;

const POSITION = /^[0-9]{1,16}$/;

export function readAfterPositionPlugin(readAfter: ReadAfterPosition): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          // Mutations decide on the log itself; only reads wait for the read models.
          if (operation?.operation !== 'query') return;
          const header = request.http?.headers.get(readAfterPositionHeader);
          if (header === undefined || header === '') return;
          const position = positionOf(header);
          if (await readAfter.waitFor(position, readAfter.timeoutMs)) return;
          throw notCaughtUp(position, readAfter.timeoutMs);
        },
      };
    },
  };
}

function positionOf(header: string): number {
  const position = POSITION.test(header.trim()) ? Number(header.trim()) : NaN;
  if (Number.isSafeInteger(position)) return position;
  const reason = text(
    'geef de positie uit het antwoord op een commando (een geheel getal, 0 of meer)',
    "give the position from a command's answer (a whole number, 0 or more)",
  );
  throw new GraphQLError(`${readAfterPositionHeader}: ${reason.en}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      reason: text(
        `Controleer de invoer: ${readAfterPositionHeader}: ${reason.nl}`,
        `Please check the input: ${readAfterPositionHeader}: ${reason.en}`,
      ),
      fields: [{ field: readAfterPositionHeader, reason }],
      http: { status: 400 },
    },
  });
}

function notCaughtUp(position: number, timeoutMs: number): GraphQLError {
  const seconds = (timeoutMs / 1000).toLocaleString('nl-NL');
  const reason = text(
    `De overzichten zijn nog niet bijgewerkt tot uw laatste wijziging (positie ${position}); na ${seconds} s is het wachten gestopt. Vraag het zo nog eens.`,
    `The read models have not yet caught up with your last change (position ${position}); waiting stopped after ${timeoutMs / 1000} s. Please ask again shortly.`,
  );
  return new GraphQLError(reason.en, {
    extensions: {
      code: 'NOT_CAUGHT_UP',
      type: 'urn:kot:problem:not-caught-up',
      reason,
      position,
      http: { status: 503, headers: new Map([['retry-after', '1']]) },
    },
  });
}
