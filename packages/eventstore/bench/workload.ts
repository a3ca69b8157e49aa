// The one workload every target runs: the same event shape (a case step of ~400 bytes of JSON,
// with the envelope metadata the platform writes), the same stream layout, the same statistics.
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '../src/eventStore';

export interface BenchEventData {
  [key: string]: unknown;
  caseId: string;
  step: number;
  /** performance.now() when the append call started; the subscriber lag is measured from it. */
  sentAt: number;
  note: string;
}

const note = 'Aanvraag KOT ontvangen; wacht op Wlz-indicatie van het CIZ. '.repeat(3);

export function benchEvent(streamId: string, step: number): NewEvent {
  const data: BenchEventData = { caseId: streamId, step, sentAt: performance.now(), note };
  return {
    // Time-ordered ids, as the platform uses, so index locality is realistic.
    eventId: uuidv7(),
    type: 'CaseStepRecorded',
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'bench-officer', role: 'smi-officer', organisation: 'GM0363' },
      correlationId: streamId,
      occurredAt: new Date().toISOString(),
    },
  };
}

/**
 * A trivial state to fold a replay into, so that decoding cannot be optimised away. The event ids
 * seen tell whether a replay handed over every event exactly once.
 */
export interface ReplayState {
  events: number;
  steps: number;
  eventIds: Set<string>;
}

export const emptyReplayState = (): ReplayState => ({ events: 0, steps: 0, eventIds: new Set() });

export function foldReplay(
  state: ReplayState,
  eventId: string,
  data: { step?: unknown },
): ReplayState {
  state.events += 1;
  state.steps += typeof data.step === 'number' ? data.step : 0;
  state.eventIds.add(eventId);
  return state;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
