import { upcast, type CaseEvent, type Instant } from '@kot/domain';
import type { EventMetadata, RecordedEvent } from '@kot/eventstore';

/** A stored event as the domain's current version of it. */
export const toCaseEvent = (event: RecordedEvent): CaseEvent =>
  upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data });

/**
 * What this service writes beside the port's metadata: `handledAt`, the service clock when the
 * command was decided. occurredAt is business time and may lie days earlier; a retry is checked
 * and answered as of handledAt, so it is compared with, and answered like, the original.
 */
export interface CommandMetadata extends EventMetadata {
  handledAt: Instant;
}

/** handledAt, or occurredAt for events written before handledAt existed (then they were equal). */
export function handledAtOf(event: RecordedEvent): Instant {
  const handledAt = (event.metadata as Partial<CommandMetadata>).handledAt;
  return typeof handledAt === 'string' ? handledAt : event.metadata.occurredAt;
}
