// Sends one domain command as its GraphQL mutation, then reloads the case with the log position the
// command answered, which the server holds (bounded) until its read models show the command. Only
// then does the page show the result, so nobody sees (or acts on) the state from before their own
// step.
import { useCallback, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import type { CaseCommandType } from '@kot/domain';
import { problemOf, type ApiProblem } from '../api/apiError';
import { caseHistoryQuery, caseQuery } from '../api/caseView';
import { readAfterPositionHeader, rememberWrite } from '../api/createApiClient';

export interface CommandOutcome {
  caseId: string;
  revision: number;
  /** The log position of the command's last event. */
  position: number;
  events: Array<{ eventId: string; type: string }>;
  /**
   * The user can no longer see the case after this step (an offer declined, a case given back):
   * there is nothing to refresh, the page confirms and points back to the worklist instead.
   */
  accessEnded: boolean;
}

const mutationNameOf = (type: CaseCommandType) => type.charAt(0).toLowerCase() + type.slice(1);

const documentOf = (type: CaseCommandType) =>
  `mutation Run($input: ${type}Input!, $commandId: String) {
    ${mutationNameOf(type)}(input: $input, commandId: $commandId) { caseId revision position events { eventId type } }
  }`;

const newCommandId = () => crypto.randomUUID();

export function useRunCommand() {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // One id per attempt at a step: pressing the button again after a network error retries safely.
  const [commandId, setCommandId] = useState(newCommandId);

  const run = useCallback(
    async (
      type: CaseCommandType,
      input: Record<string, unknown>,
      /** False when the next page loads the case itself (a new referral opens its case page). */
      reload = true,
    ): Promise<CommandOutcome | null> => {
      setRunning(true);
      setProblem(null);
      try {
        const result = await client
          .mutation<Record<string, Omit<CommandOutcome, 'accessEnded'>>>(documentOf(type), {
            input,
            commandId,
          })
          .toPromise();
        if (result.error) {
          setProblem(problemOf(result.error));
          // A refusal is final for this attempt; the corrected attempt is a new command.
          if (result.error.graphQLErrors.length > 0) setCommandId(newCommandId());
          return null;
        }
        const recorded = result.data?.[mutationNameOf(type)];
        if (!recorded) return null;
        setCommandId(newCommandId());
        rememberWrite(client, recorded.position);
        if (!reload) return { ...recorded, accessEnded: false };
        const { accessEnded, error } = await showRecorded(client, recorded);
        // Recorded all the same: the page says so and asks to reload instead of showing old state.
        if (error) setProblem(problemOf(error));
        return { ...recorded, accessEnded };
      } finally {
        setRunning(false);
      }
    },
    [client, commandId],
  );
  return { run, running, problem, clearProblem: () => setProblem(null) };
}

/**
 * Reloads the case's history and the case itself, each held by the server until its read models
 * have handled the command (X-Read-After-Position). The case page asks the same documents with the
 * same variables, so urql hands it the fresh answers too. Returns true when the user lost access.
 */
async function showRecorded(
  client: Client,
  outcome: Omit<CommandOutcome, 'accessEnded'>,
): Promise<{ accessEnded: boolean; error: CombinedError | undefined }> {
  const variables = { id: outcome.caseId };
  const context = {
    requestPolicy: 'network-only' as const,
    fetchOptions: { headers: { [readAfterPositionHeader]: String(outcome.position) } },
  };
  // Both are held until the read side has the command, so they may go at once.
  const [history, shown] = await Promise.all([
    client.query(caseHistoryQuery, variables, context).toPromise(),
    client.query(caseQuery, variables, context).toPromise(),
  ]);
  if (isGone(history.error) || isGone(shown.error)) return { accessEnded: true, error: undefined };
  return { accessEnded: false, error: history.error ?? shown.error };
}

/** After handing a case over, the user may no longer see it: nothing to wait for then. */
const isGone = (error: CombinedError | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND') ?? false;
