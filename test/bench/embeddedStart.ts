// (iii) What a new user waits for: the embedded launcher on a fresh data directory (PGlite created
// from nothing, demo cases seeded) until GraphQL answers, and the memory it then holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatformProcess } from './platformProcess';

export interface EmbeddedStartFigures {
  firstAnswerMs: number;
  welcomeMs: number;
  /** Resident memory right after the start finished, and a few seconds later. */
  rssMb: number;
  settledRssMb: number;
  peakRssMb: number;
}

const SETTLE_MS = 3_000;

export async function measureEmbeddedStart(): Promise<EmbeddedStartFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kot-bench-embedded-'));
  try {
    const launcher = await startPlatformProcess({ DATA_DIR: dataDir }, { answerWithinMs: 60_000 });
    try {
      const welcomeMs = await launcher.welcomed;
      const { rssMb } = launcher.memory();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const settled = launcher.memory();
      return {
        firstAnswerMs: launcher.firstAnswerMs,
        welcomeMs,
        rssMb,
        settledRssMb: settled.rssMb,
        peakRssMb: settled.peakRssMb,
      };
    } finally {
      await launcher.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
