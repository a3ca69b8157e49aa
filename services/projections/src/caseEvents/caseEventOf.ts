// From a recorded event of a case stream to the domain's current event version. Other streams
// are not cases and are skipped; an event type this code does not know stops the projection
// rather than being skipped, because a read model that silently missed an event would be wrong.
import { caseEventTypes, caseStreamId, upcast, type CaseEvent } from '@kot/domain';
import type { RecordedEvent } from '../eventStorePort';

const CASE_STREAM_PREFIX = caseStreamId('');
const knownTypes = new Set<string>(caseEventTypes);

export class UnknownCaseEventError extends Error {
  constructor(readonly event: Pick<RecordedEvent, 'streamId' | 'revision' | 'type'>) {
    super(
      `Event ${event.streamId}@${event.revision} has type ${event.type}, which this version of the projections does not know`,
    );
    this.name = 'UnknownCaseEventError';
  }
}

/** The case id of a case stream, or null for any other stream. */
export const caseIdOfStream = (streamId: string): string | null =>
  streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;

export function caseEventOf(event: RecordedEvent): CaseEvent {
  if (!knownTypes.has(event.type)) throw new UnknownCaseEventError(event);
  return upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data });
}
