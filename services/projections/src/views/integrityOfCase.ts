// The hash chain proves that nothing inside a stream was altered; it cannot see events cut off at
// its end, since what remains is still a valid chain. The case summary remembers the last event
// it folded (revision and global position), so an auditor's check also compares the stream with
// that: a read model that saw more than the log now holds means events were removed.
import { caseStreamId } from '@kot/domain';
import type { EventStore, IntegrityReport } from '../eventStorePort';
import type { StoredCase } from '../queries/findCaseSummary';

/** null when neither the log nor the read model knows the case. */
export async function integrityOfCase(
  log: EventStore,
  caseId: string,
  summary: StoredCase | null,
): Promise<IntegrityReport | null> {
  const streamId = caseStreamId(caseId);
  const chain = await log.verifyStream(streamId);
  if (chain.eventCount === 0 && summary === null) return null;
  if (!chain.valid || summary === null) return chain;

  const lastRevision = chain.eventCount - 1;
  if (summary.revision > lastRevision) {
    return {
      ...chain,
      valid: false,
      firstInvalidRevision: chain.eventCount,
      reason:
        `The log holds ${chain.eventCount} event(s) (up to revision ${lastRevision}), but the ` +
        `read models have seen revision ${summary.revision}: events at the end of the stream are missing.`,
    };
  }
  const [seen] = await log.readStream(streamId, { from: summary.revision, limit: 1 });
  if (!seen || seen.position !== summary.lastPosition) {
    return {
      ...chain,
      valid: false,
      firstInvalidRevision: summary.revision,
      reason:
        `The event at revision ${summary.revision} is not the one the read models saw (at ` +
        `position ${summary.lastPosition}): the stream was rewritten from there on.`,
    };
  }
  return chain;
}
