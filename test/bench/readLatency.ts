// (i) How long a user waits for their worklist and for a case: sequential GraphQL requests over
// loopback, as a portal page sends them, after a short warm-up, for several actors.
import type { Actor } from '@kot/domain';
import { graphql } from './askPlatform';
import { benchCase, measuredActors, type BenchCase } from './caseload';
import { elapsedMs, latencyFigures, type LatencyFigures } from './latencies';

const worklistQuery = `query Work { worklist(first: 20) {
  items { caseId audience action due overdue daysOverdue description { nl } responsible { organisation role } }
  pageInfo { endCursor hasNextPage }
} }`;

/** The worklist as the portal asks for it: with the family name, read from the log per case. */
const namedWorklistQuery = `query Work { worklist(first: 20) {
  items { caseId caseNumber familyName audience action due overdue description { nl } }
  pageInfo { endCursor hasNextPage }
} }`;

/** The process view of a case: no personal fields, so it is answered from the read model. */
const caseQuery = `query Case($id: ID!) { case(id: $id) {
  status statusSince viewLevel
  nextStep { action due overdue daysOverdue responsible { organisation role } escalateTo { organisation role } }
  fundingCoverage { fundedToday gapDays daysAtRisk atRisk smiEndsOn }
  eligibility { verdict conditions { code met } }
  offer { to { organisation role } offeredOn } claim { by { organisation role } claimedOn }
} }`;

/** The same with the family's names and BSNs: decrypted and folded from the log per request. */
const personalCaseQuery = `query Case($id: ID!) { case(id: $id) {
  status nextStep { action due } household { partners { name bsn } } children { name }
} }`;

export interface ReadLatencyRow {
  what: string;
  actor: string;
  figures: LatencyFigures;
  /** Items on the first worklist page, or cases asked for. */
  note: string;
}

const WARM_UP = 20;

export async function measureReadLatency(
  url: string,
  tokenFor: (actor: Actor) => Promise<string>,
  options: { seededCases: number; requests: number; today: string },
): Promise<ReadLatencyRow[]> {
  const rows: ReadLatencyRow[] = [];
  for (const { label, actor } of measuredActors) {
    const token = await tokenFor(actor);
    let items = 0;
    const samples = await timeRequests(options.requests, async () => {
      const data = await graphql<{ worklist: { items: unknown[] } }>(url, token, worklistQuery);
      items = data.worklist.items.length;
    });
    rows.push({
      what: 'worklist',
      actor: label,
      figures: samples,
      note: `${items} items per page`,
    });
  }

  const visible: Array<{ label: string; actor: Actor; sees: (c: BenchCase) => boolean }> = [
    {
      label: 'SMI officer GM0344',
      actor: measuredActors[0]!.actor,
      sees: (c) => c.municipality === 'GM0344',
    },
    {
      label: 'bewindvoerder office 01',
      actor: measuredActors[2]!.actor,
      sees: (c) => c.supporter.organisation === 'org-bewind-01',
    },
    {
      label: 'Toeslagen officer',
      actor: measuredActors[4]!.actor,
      sees: (c) => !['offered', 'claimed'].includes(c.stage),
    },
  ];
  for (const { label, actor, sees } of visible) {
    const token = await tokenFor(actor);
    const ids = casesSeenBy(sees, options.seededCases, options.requests + WARM_UP, options.today);
    let next = 0;
    const samples = await timeRequests(options.requests, () =>
      graphql(url, token, caseQuery, { id: ids[next++ % ids.length] }),
    );
    rows.push({
      what: 'case',
      actor: label,
      figures: samples,
      note: `${ids.length} different cases`,
    });
  }
  {
    const { label, actor } = measuredActors[0]!;
    const token = await tokenFor(actor);
    let named = 0;
    const samples = await timeRequests(options.requests, async () => {
      const data = await graphql<{ worklist: { items: Array<{ familyName: string | null }> } }>(
        url,
        token,
        namedWorklistQuery,
      );
      named = data.worklist.items.filter((item) => item.familyName !== null).length;
    });
    rows.push({
      what: 'worklist with names',
      actor: label,
      figures: samples,
      note: `${named} family names decrypted from the log per page`,
    });
  }
  {
    const { actor } = measuredActors[0]!;
    const token = await tokenFor(actor);
    const ids = casesSeenBy(
      (c) => c.municipality === 'GM0344',
      options.seededCases,
      options.requests + WARM_UP,
      options.today,
    );
    let next = 0;
    const samples = await timeRequests(options.requests, () =>
      graphql(url, token, personalCaseQuery, { id: ids[next++ % ids.length] }),
    );
    rows.push({
      what: 'case with names/BSNs',
      actor: 'SMI officer GM0344',
      figures: samples,
      note: 'decrypted from the log',
    });
  }
  return rows;
}

/** Runs `request` WARM_UP times untimed, then `count` times one after the other, timed. */
async function timeRequests(
  count: number,
  request: () => Promise<unknown>,
): Promise<LatencyFigures> {
  for (let i = 0; i < WARM_UP; i++) await request();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await request();
    samples.push(elapsedMs(started));
  }
  return latencyFigures(samples);
}

/** Case ids the actor may see, picked all over the caseload (a prime stride), at most `wanted`. */
function casesSeenBy(
  sees: (c: BenchCase) => boolean,
  seededCases: number,
  wanted: number,
  today: string,
): string[] {
  const ids: string[] = [];
  for (let i = 0; i < seededCases && ids.length < wanted; i++) {
    const c = benchCase((i * 7919 + 13) % seededCases, today);
    if (sees(c)) ids.push(c.caseId);
  }
  return ids;
}
