// The platform the simulated people work with: the referrals service's real write path
// (executeCommand: authorization, validation, decide, encryption of personal data, append with the
// expected revision) on PGlite in a temporary directory, or on PostgreSQL. The simulation's clock is
// the platform's clock. What the platform knows of a case is folded from exactly the events it
// appended (captured on their way into the store, before encryption), with the domain's own
// `evolve`; the same fold every service uses.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  CommandRefused,
  evolve,
  initialState,
  upcast,
  type Actor,
  type CaseEvent,
  type CaseState,
} from '@kot/domain';
import type { EventStore, NewEvent } from '@kot/eventstore';
import {
  createAuthenticator,
  createLogger,
  loadConfig,
  openProtectedEventStore,
  type Environment,
} from '@kot/platform';
import { createReferralsService } from '@kot/referrals';
import type { CaseEventLine } from './measures';
import type { CommandRequest } from '@kot/referrals';

export interface AppendedEvent {
  eventId: string;
  event: CaseEvent;
  before: CaseState;
  after: CaseState;
}

export type CommandOutcome = { ok: true } | { ok: false; code: string; reason: string };

export interface SimulatedPlatform {
  engine: 'pglite' | 'postgres';
  setNow(instant: Date): void;
  execute(command: CommandRequest, actor: Actor, commandId: string): Promise<CommandOutcome>;
  /** The case as the platform knows it (folded from its appended events). */
  caseState(caseId: string): CaseState;
  /** Every event in the store's log, in order: what the funnel is checked against. */
  readLog(): Promise<CaseEventLine[]>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** postgres://… to run on PostgreSQL (a schema of its own is not made: use a fresh database). */
  databaseUrl?: string;
  onAppended(caseId: string, events: AppendedEvent[]): void;
}

export async function startSimulatedPlatform(options: PlatformOptions): Promise<SimulatedPlatform> {
  // PGlite writes through to its directory; in memory (/dev/shm where there is one) a run is not
  // held up by the disk, and the directory is thrown away afterwards anyway.
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dataDir = options.databaseUrl ? null : mkdtempSync(join(scratch, 'kot-simulation-'));
  const env: Environment = {
    ...(options.databaseUrl
      ? { EVENTSTORE: 'postgres', DATABASE_URL: options.databaseUrl }
      : { EVENTSTORE: 'pglite', DATA_DIR: dataDir! }),
    PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  };
  const config = loadConfig(env);
  const logger = createLogger({ service: 'simulation', level: 'silent' });
  const opened = await openProtectedEventStore(config, { logger });
  let now = new Date(0);
  const states = new Map<string, CaseState>();

  // The write path's own events, caught on their way in: the fold stays the platform's, not ours.
  const capture = (streamId: string, events: NewEvent[]) => {
    const caseId = streamId.replace(/^case-/, '');
    let state = states.get(caseId) ?? initialState();
    const appended: AppendedEvent[] = [];
    for (const recorded of events) {
      const event = upcast({
        type: recorded.type,
        schemaVersion: recorded.schemaVersion,
        data: recorded.data,
      });
      const after = evolve(state, event);
      appended.push({ eventId: recorded.eventId, event, before: state, after });
      state = after;
    }
    states.set(caseId, state);
    options.onAppended(caseId, appended);
  };
  const store = new Proxy(opened.store, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          const result = await target.append(...args);
          capture(args[0], args[1]);
          return result;
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  let sequence = 0;
  const referrals = await createReferralsService({
    store,
    authenticate: createAuthenticator(config.authentication),
    logger,
    clock: () => now,
    // Event ids in UUIDv7 shape, from a counter: a run appends the same log every time.
    newId: () => counterUuid(++sequence),
  });

  return {
    engine: options.databaseUrl ? 'postgres' : 'pglite',
    setNow(instant) {
      now = instant;
    },
    async execute(command, actor, commandId) {
      try {
        await referrals.executeCommand(command, actor, { commandId });
        return { ok: true };
      } catch (error) {
        if (error instanceof CommandRefused) {
          return { ok: false, code: error.kind, reason: error.reason.en };
        }
        throw error;
      }
    },
    caseState: (caseId) => states.get(caseId) ?? initialState(),
    async readLog() {
      const log: CaseEventLine[] = [];
      let fromPosition = 0;
      // Bounded: each page moves the position on, and the log is finite.
      for (let page = 0; page < 1_000_000; page++) {
        const events = await opened.store.readAll({ fromPosition, limit: 5_000 });
        if (events.length === 0) break;
        for (const event of events) {
          if (!event.streamId.startsWith('case-')) continue;
          log.push({
            caseId: event.streamId.slice('case-'.length),
            type: event.type,
            data: event.data as Record<string, unknown>,
          });
        }
        fromPosition = events[events.length - 1]!.position;
      }
      return log;
    },
    async close() {
      await referrals.close();
      await opened.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function counterUuid(n: number): string {
  const hex = n.toString(16).padStart(18, '0');
  return `01900000-0000-7${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(6, 18)}`;
}
