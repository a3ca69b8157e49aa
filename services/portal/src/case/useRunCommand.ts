// Sends one domain command as its GraphQL mutation and waits (briefly, bounded) until the read side
// shows it: the case at the new revision and its history with the new events. Only then does the
// page show the result, so nobody sees (or acts on) the state from before their own step.
import { useCallback, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import type { CaseCommandType } from '@kot/domain';
import { problemOf, type ApiProblem } from '../api/apiError';
import { caseHistoryQuery, caseQuery, type HistoryEntryView } from '../api/caseView';

export interface CommandOutcome {
  caseId: string;
  revision: number;
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
    ${mutationNameOf(type)}(input: $input, commandId: $commandId) { caseId revision events { eventId type } }
  }`;

/** A document of its own, so polling does not show the page an answer from half-way. */
const caseRevisionQuery = `query CaseRevision($id: ID!) { case(id: $id) { id revision } }`;

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
        const accessEnded = await waitForReadSide(client, recorded);
        return { ...recorded, accessEnded };
      } finally {
        setRunning(false);
      }
    },
    [client, commandId],
  );
  return { run, running, problem, clearProblem: () => setProblem(null) };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * Waits until the case shows the new revision and its history holds the new events, then reloads
 * the case. The case page asks the same documents with the same variables, so urql hands it the
 * fresh answers too. History first: a new timeline with the old next step reads right, the other
 * way round a step just done would look skipped. Returns true when the user lost access.
 */
async function waitForReadSide(
  client: Client,
  outcome: Omit<CommandOutcome, 'accessEnded'>,
): Promise<boolean> {
  const variables = { id: outcome.caseId };
  const fresh = { requestPolicy: 'network-only' as const };
  let caught = false;
  for (let attempt = 0; attempt < 20 && !caught; attempt++) {
    const result = await client
      .query<{ case: { revision: number } }>(caseRevisionQuery, variables, fresh)
      .toPromise();
    if (isGone(result.error)) return true;
    caught = (result.data?.case.revision ?? -1) >= outcome.revision;
    if (!caught) await pause();
  }
  const wanted = new Set(outcome.events.map((event) => event.eventId));
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = await client
      .query<{ caseHistory: HistoryEntryView[] }>(caseHistoryQuery, variables, fresh)
      .toPromise();
    if (isGone(result.error)) return true;
    const shown = new Set(result.data?.caseHistory.map((entry) => entry.eventId) ?? []);
    if ([...wanted].every((id) => shown.has(id))) break;
    await pause();
  }
  await client.query(caseQuery, variables, fresh).toPromise();
  return false;
}

/** After handing a case over, the user may no longer see it: nothing to wait for then. */
const isGone = (error: CombinedError | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND') ?? false;
