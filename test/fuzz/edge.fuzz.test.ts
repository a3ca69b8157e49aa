// The platform's edge under generated abuse: requests from the GraphQL schemas and the REST
// command list, each with a defect, against the whole platform in server mode on PostgreSQL (the
// storm), or on PGlite with the reason printed where no PostgreSQL server answers. No answer may be a 5xx, no event may
// be appended, every error carries a code, and a refused field is named.
//
// Reproduce a run: FUZZ_SEED=<the printed seed> (and FUZZ_RUNS=<n>) npx jest test/fuzz.
import fc from 'fast-check';
import { caseCommandTypes } from '@kot/domain';
import { describeOnServerEngine, type PlatformUnderTest } from '../e2e/platformUnderTest';
import { family } from '../e2e/families';
import { overHttp } from '../e2e/overHttp';
import { fuzzRequest, type FuzzRequest } from './requestArbitraries';
import { stormRequests } from './stormRequests';

const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const runs = Number(process.env['FUZZ_RUNS'] ?? 2000);
/** Requests in flight at once. */
const concurrency = 4;

interface Answer {
  status: number;
  /** Each error's code and the fields it names (REST problem or GraphQL errors alike). */
  errors: Array<{ code: unknown; fields: string[] }>;
}

async function send(platform: PlatformUnderTest, request: FuzzRequest): Promise<Answer> {
  const response = await fetch(`${platform.url}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the assertions below then find no code.
  }
  const fieldsOf = (list: unknown) =>
    Array.isArray(list) ? list.map((item) => String((item as { field?: unknown }).field)) : [];
  const errors = Array.isArray(body['errors'])
    ? 'code' in body
      ? [{ code: body['code'], fields: fieldsOf(body['errors']) }]
      : (body['errors'] as Array<{ extensions?: Record<string, unknown> }>).map((error) => ({
          code: error.extensions?.['code'],
          fields: fieldsOf(error.extensions?.['fields']),
        }))
    : 'code' in body
      ? [{ code: body['code'], fields: [] }]
      : [];
  return { status: response.status, errors };
}

/** What every answer to a defective request must be; throws with the request and answer. */
function checkAnswer(request: FuzzRequest, answer: Answer): void {
  const problem = (what: string) =>
    new Error(
      `${what}\nrequest: ${request.kind} ${request.path} ${request.body.slice(0, 300)}\nanswer: ${JSON.stringify(answer).slice(0, 500)}`,
    );
  if (answer.status >= 500) throw problem(`answered ${answer.status}`);
  if (answer.errors.length === 0 && request.defective !== false)
    throw problem('answered without an error');
  if (answer.errors.some((error) => typeof error.code !== 'string'))
    throw problem('an error without a code');
  const inputRefusal = answer.errors.find((error) => error.code === 'BAD_USER_INPUT');
  if (request.fieldAtFault && inputRefusal && inputRefusal.fields.length === 0)
    throw problem('an input refusal that names no field');
  if (request.fieldAtFault && request.path === '/graphql' && inputRefusal) {
    const outside = inputRefusal.fields.filter((field) => !/^input(\.|$)/.test(field));
    if (outside.length > 0) throw problem(`fields not named from the input: ${outside.join(', ')}`);
  }
}

describeOnServerEngine(
  'the edge under generated abuse',
  (platform) => {
    let caseId: string;
    let tokens: string[];

    beforeAll(async () => {
      const http = overHttp(platform());
      // Server mode keeps no demo directory: list one supporter office, so offers are checked.
      const admin = await platform().tokenFor({
        id: 'u-fuzz-admin',
        role: 'platform-admin',
        organisation: 'platform',
      });
      const listed = await fetch(`${platform().url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: `mutation ($input: NotificationRecipientInput!) { setNotificationRecipient(input: $input) { organisation } }`,
          variables: {
            input: {
              organisation: 'org-bewind-horizon',
              role: 'bewindvoerder',
              displayName: 'Bewindvoering Horizon',
              email: 'team@horizon.example',
            },
          },
        }),
      });
      expect(listed.status).toBe(200);
      const f = family();
      const opened = await http.command('smi-officer-utrecht', 'OpenReferral', f.referral);
      if (opened.errors.length > 0) throw new Error(JSON.stringify(opened.errors));
      caseId = f.caseId;
      const { tokens: byUser } = platform();
      tokens = [
        '',
        'not-a-token',
        byUser['smi-officer-utrecht'],
        byUser['smi-officer-zwolle'],
        byUser['bewindvoerder'],
        byUser['toeslagen-officer'],
        byUser['ciz-assessor'],
        byUser['auditor'],
      ];
    });

    it('refuses a storm of every kind of malformed request: no 5xx, a code on each, nothing appended', async () => {
      const before = await platform().eventCount();
      const requests = stormRequests(caseId, tokens[2]!);
      for (const request of requests) checkAnswer(request, await send(platform(), request));
      expect(await platform().eventCount()).toBe(before);
      console.log(
        `edge storm on ${platform().engine}: ${requests.length} requests, 0 answers >= 500, 0 events appended`,
      );
    }, 120_000);

    it(`refuses ${runs} generated requests from the schemas and the ${caseCommandTypes.length} REST commands, seeded and reproducible`, async () => {
      const numRuns = runs;
      const before = await platform().eventCount();
      const started = Date.now();
      let sent = 0;
      console.log(
        `edge fuzz on ${platform().engine}: seed ${seed}, ${numRuns} requests (FUZZ_SEED=${seed} to repeat)`,
      );
      // Drawn up front from the seed, then sent a few at a time: the same seed gives the same
      // requests, and the run stays within a minute or so on a busy machine.
      const requests = fc.sample(
        fuzzRequest({
          referrals: platform().schemas.referrals,
          projections: platform().schemas.projections,
          tokens,
          caseId,
        }),
        { seed, numRuns },
      );
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < requests.length && failures.length === 0) {
          const index = next++;
          const request = requests[index]!;
          sent++;
          try {
            checkAnswer(request, await send(platform(), request));
          } catch (error) {
            failures.push(`request ${index} of seed ${seed}: ${(error as Error).message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      expect(failures).toEqual([]);
      expect(await platform().eventCount()).toBe(before);
      console.log(
        `edge fuzz on ${platform().engine}: seed ${seed}, ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, 0 answers >= 500, 0 events appended`,
      );
    }, 300_000);
  },
  // Thousands of requests from one person and from one address within a minute: far above what
  // the rate limits let through, which this suite is not about (packages/platform edge.unit.test.ts covers them).
  { env: { RATE_LIMIT_PER_SUBJECT: '100000', RATE_LIMIT_PER_ADDRESS: '100000' } },
);
