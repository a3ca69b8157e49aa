// Which generation of each projection is live, which one is being built, and the switch between
// them. Every change runs in one transaction under a per-projection advisory lock, so two
// processes never create or switch the same projection at once.
import type { SqlClient, SqlDatabase } from '../eventStorePort';
import type { ProjectionDefinition } from './projectionDefinition';

export type GenerationStatus = 'building' | 'live' | 'retired';

export interface Generation {
  projection: string;
  generation: number;
  version: number;
  status: GenerationStatus;
}

/** Thrown inside a batch of a generation that is no longer live or building: its runner ends. */
export class GenerationRetiredError extends Error {
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`Generation ${generation} of projection ${projection} was retired`);
    this.name = 'GenerationRetiredError';
  }
}

const lock = (tx: SqlClient, projection: string) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('projection:' || $1))`, [projection]);

async function generationsOf(tx: SqlClient, projection: string): Promise<Generation[]> {
  return tx.query<Generation>(
    `SELECT projection, generation, version, status FROM projection_generations
     WHERE projection = $1 ORDER BY generation`,
    [projection],
  );
}

export async function readGenerations(db: SqlClient): Promise<Generation[]> {
  return db.query<Generation>(
    `SELECT projection, generation, version, status FROM projection_generations
     WHERE status <> 'retired' ORDER BY projection, generation`,
  );
}

/** The live generation, created (empty, to be filled from position 0) when there is none. */
export async function ensureLiveGeneration(
  db: SqlDatabase,
  projection: ProjectionDefinition,
): Promise<Generation> {
  return db.transaction(async (tx) => {
    await lock(tx, projection.name);
    const all = await generationsOf(tx, projection.name);
    const live = all.find((g) => g.status === 'live');
    if (live) return live;
    const generation = nextNumber(all);
    await tx.executeScript(projection.createTables(generation));
    await tx.query(
      `INSERT INTO projection_generations (projection, generation, version, status, live_since)
       VALUES ($1, $2, $3, 'live', now())`,
      [projection.name, generation, projection.version],
    );
    return { projection: projection.name, generation, version: projection.version, status: 'live' };
  });
}

/**
 * The generation being built, created beside the live one when there is none. Generations
 * retired by an earlier switch are dropped here: they were kept until now for comparison and
 * so that a process still reading them finished first.
 */
export async function beginBuilding(
  db: SqlDatabase,
  projection: ProjectionDefinition,
): Promise<Generation> {
  return db.transaction(async (tx) => {
    await lock(tx, projection.name);
    const all = await generationsOf(tx, projection.name);
    const building = all.find((g) => g.status === 'building');
    if (building) return building;
    for (const retired of all.filter((g) => g.status === 'retired')) {
      await tx.executeScript(projection.dropTables(retired.generation));
    }
    await tx.query(
      `DELETE FROM projection_generations WHERE projection = $1 AND status = 'retired'`,
      [projection.name],
    );
    const generation = nextNumber(all);
    await tx.executeScript(projection.createTables(generation));
    await tx.query(
      `INSERT INTO projection_generations (projection, generation, version, status)
       VALUES ($1, $2, $3, 'building')`,
      [projection.name, generation, projection.version],
    );
    return {
      projection: projection.name,
      generation,
      version: projection.version,
      status: 'building',
    };
  });
}

/** Makes the built generation live and retires the previous one, atomically. */
export async function switchToGeneration(
  db: SqlDatabase,
  projection: ProjectionDefinition,
  generation: number,
): Promise<{ previous: number | null }> {
  return db.transaction(async (tx) => {
    await lock(tx, projection.name);
    const all = await generationsOf(tx, projection.name);
    const target = all.find((g) => g.generation === generation);
    if (!target || target.status === 'retired') {
      throw new Error(`Generation ${generation} of ${projection.name} cannot be switched to`);
    }
    const previous = all.find((g) => g.status === 'live' && g.generation !== generation) ?? null;
    await tx.query(
      `UPDATE projection_generations SET status = 'retired', retired_at = now()
       WHERE projection = $1 AND status = 'live' AND generation <> $2`,
      [projection.name, generation],
    );
    await tx.query(
      `UPDATE projection_generations SET status = 'live', live_since = now()
       WHERE projection = $1 AND generation = $2`,
      [projection.name, generation],
    );
    return { previous: previous?.generation ?? null };
  });
}

/**
 * Run inside each batch: holds a share lock on the generation's row until the batch commits, so a
 * switch waits for the batch in progress and every later batch of a retired generation fails.
 */
export async function assertGenerationActive(
  tx: SqlClient,
  projection: string,
  generation: number,
): Promise<void> {
  const [row] = await tx.query<{ status: GenerationStatus }>(
    {
      name: 'projection_generation_status',
      text: `SELECT status FROM projection_generations
             WHERE projection = $1 AND generation = $2 FOR SHARE`,
    },
    [projection, generation],
  );
  if (!row || row.status === 'retired') throw new GenerationRetiredError(projection, generation);
}

const nextNumber = (all: readonly Generation[]): number =>
  all.reduce((max, g) => Math.max(max, g.generation), 0) + 1;
