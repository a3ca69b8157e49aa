// Sends one domain command as its GraphQL mutation and waits (briefly, bounded) until the case as
// the read side shows it has caught up, so the page never shows the state from before the step.
import { useCallback, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { CaseCommandType } from '@kot/domain';
import { problemOf, type ApiProblem } from '../api/apiError';
import { caseQuery, type CaseView } from '../api/caseView';

export interface CommandOutcome {
  caseId: string;
  revision: number;
  events: Array<{ type: string }>;
}

const mutationNameOf = (type: CaseCommandType) => type.charAt(0).toLowerCase() + type.slice(1);

const documentOf = (type: CaseCommandType) =>
  `mutation Run($input: ${type}Input!, $commandId: String) {
    ${mutationNameOf(type)}(input: $input, commandId: $commandId) { caseId revision events { type } }
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
    ): Promise<CommandOutcome | null> => {
      setRunning(true);
      setProblem(null);
      try {
        const result = await client
          .mutation<Record<string, CommandOutcome>>(documentOf(type), { input, commandId })
          .toPromise();
        if (result.error) {
          setProblem(problemOf(result.error));
          // A refusal is final for this attempt; the corrected attempt is a new command.
          if (result.error.graphQLErrors.length > 0) setCommandId(newCommandId());
          return null;
        }
        const outcome = result.data?.[mutationNameOf(type)];
        if (!outcome) return null;
        setCommandId(newCommandId());
        await waitForReadSide(client, outcome);
        return outcome;
      } finally {
        setRunning(false);
      }
    },
    [client, commandId],
  );
  return { run, running, problem, clearProblem: () => setProblem(null) };
}

async function waitForReadSide(client: ReturnType<typeof useClient>, outcome: CommandOutcome) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = await client
      .query<{ case: CaseView }, { id: string }>(
        caseQuery,
        { id: outcome.caseId },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if ((result.data?.case.revision ?? -1) >= outcome.revision || isGone(result.error)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** After handing a case over, the user may no longer see it: nothing to wait for then. */
const isGone = (error: CombinedError | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND') ?? false;
