import type { CaseEvent } from './events';

/** A stored event as read back: any schema version of any type. */
export interface StoredEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** Turns version n of one event type into version n + 1. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Old event versions are upcast on read, never rewritten in the log (the hash chain would break).
 * Every event type is at version 1 today; a later schema change adds its upcaster here.
 */
export const caseUpcasters: readonly Upcaster[] = [];

export const currentSchemaVersion = 1;

export function upcast(
  event: StoredEvent,
  upcasters: readonly Upcaster[] = caseUpcasters,
): CaseEvent {
  let current = event;
  // Each step raises the version by one, so the loop ends after at most `upcasters.length` steps.
  for (let step = 0; step <= upcasters.length; step++) {
    const next = upcasters.find(
      (u) => u.type === current.type && u.fromVersion === current.schemaVersion,
    );
    if (!next) break;
    current = {
      type: current.type,
      schemaVersion: current.schemaVersion + 1,
      data: next.upcast(current.data),
    };
  }
  if (current.schemaVersion !== currentSchemaVersion) {
    throw new Error(
      `No upcaster from ${current.type} v${current.schemaVersion} to v${currentSchemaVersion}`,
    );
  }
  return current as CaseEvent;
}
