// Commands on one case take turns within this process: each decides on the state the one before
// it left, so callers in the same process never collide on the stream's revision. Commands on
// different cases run side by side. Only writers in other processes can still get in between;
// the executor's retries are for them.

/** Waits for the case's turn; call the answer to hand the turn to the next command. */
export type TakeTurn = (caseId: string) => Promise<() => void>;

export function createCaseQueue(): TakeTurn {
  /** The turn of the command queued last per case; removed once it is handed on with none waiting. */
  const last = new Map<string, Promise<void>>();
  return async (caseId) => {
    const before = last.get(caseId);
    let handOn!: () => void;
    const mine = new Promise<void>((resolve) => {
      handOn = resolve;
    });
    last.set(caseId, mine);
    await before;
    return () => {
      if (last.get(caseId) === mine) last.delete(caseId);
      handOn();
    };
  };
}
