// A caseworker who has just done a step sees it on the next page, without waiting and without
// NOT_FOUND: every command answers with the log position it reached, and a query that sends that
// position (X-Read-After-Position) is held until the read models have handled it, within a bound.
import { readAfterPositionHeader } from '@kot/platform';
import { courtBewind, family, horizonOffice } from './families';
import { overHttp, refusalOf, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';

const caseRevision = 'query Case($id: ID!) { case(id: $id) { id revision status } }';
const READ_AFTER_TIMEOUT_MS = 2_000;

describeOnEachEngine(
  'reading your own writes',
  (platform) => {
    let http: OverHttp;
    beforeAll(() => {
      http = overHttp(platform());
    });

    const caseAfter = (position: number, caseId: string) =>
      http.query<{ case: { id: string; revision: number; status: string } }>(
        'smi-officer-utrecht',
        caseRevision,
        { id: caseId },
        { [readAfterPositionHeader]: String(position) },
      );

    it('shows a referral and each step after it, over GraphQL and over REST, on the very next query, never an earlier state', async () => {
      for (let round = 0; round < 5; round++) {
        const f = family();
        const opened = await http.command('smi-officer-utrecht', 'OpenReferral', f.referral);
        const openedAt = opened.data!.result.position;
        expect(Number.isSafeInteger(openedAt)).toBe(true);
        const first = await caseAfter(openedAt, f.caseId);
        expect(first.errors).toEqual([]);
        expect(first.data?.case).toMatchObject({ id: f.caseId, revision: 0 });

        // An agency system's REST intake answers with the position too.
        const offered = await http.post('smi-officer-utrecht', 'OfferCase', {
          caseId: f.caseId,
          to: { organisation: horizonOffice.organisation, role: 'bewindvoerder' },
        });
        expect(offered.status).toBe(200);
        const offeredAt = offered.body['position'] as number;
        expect(offeredAt).toBeGreaterThan(openedAt);
        const second = await caseAfter(offeredAt, f.caseId);
        expect(second.data?.case.revision).toBe(offered.body['revision']);

        const claimed = await http.command('bewindvoerder', 'ClaimCase', {
          caseId: f.caseId,
          mandate: courtBewind,
        });
        const claim = claimed.data!.result;
        const third = await http.query<{ worklist: { items: Array<{ caseId: string }> } }>(
          'bewindvoerder',
          '{ worklist(first: 100) { items { caseId } } }',
          {},
          { [readAfterPositionHeader]: String(claim.position) },
        );
        expect(third.data?.worklist.items.map((item) => item.caseId)).toContain(f.caseId);
      }
    });

    it('answers a query for a position already handled at once, and holds one for a position not yet written until it is', async () => {
      const f = family();
      const done = await http.carryOut('smi-officer-utrecht', 'OpenReferral', f.referral);
      const started = Date.now();
      expect((await caseAfter(0, f.caseId)).data?.case.id).toBe(f.caseId);
      expect((await caseAfter(done.position, f.caseId)).data?.case.id).toBe(f.caseId);
      expect(Date.now() - started).toBeLessThan(READ_AFTER_TIMEOUT_MS);

      // Asked before the log holds anything past the referral: the answer comes once the next
      // event (the offer, or a delivery record of an earlier test) is written and handled.
      const waiting = caseAfter(done.position + 1, f.caseId);
      const offered = await http.command('smi-officer-utrecht', 'OfferCase', {
        caseId: f.caseId,
        to: horizonOffice,
      });
      expect(offered.data?.result.position).toBeGreaterThan(done.position);
      const answer = await waiting;
      expect(answer.errors).toEqual([]);
      expect(answer.data?.case.id).toBe(f.caseId);
      const offer = await caseAfter(offered.data!.result.position, f.caseId);
      expect(offer.data?.case.revision).toBe(offered.data?.result.revision);
    });

    it('refuses with NOT_CAUGHT_UP, in Dutch and English, when the read models do not reach the position within the bound', async () => {
      const f = family();
      const done = await http.carryOut('smi-officer-utrecht', 'OpenReferral', f.referral);
      const started = Date.now();
      const answer = await caseAfter(done.position + 1_000_000, f.caseId);
      const waited = Date.now() - started;
      expect(answer.status).toBe(503);
      expect(answer.data).toBeNull();
      expect(refusalOf(answer).code).toBe('NOT_CAUGHT_UP');
      const reason = (answer.errors[0]?.extensions as { reason?: { nl: string; en: string } })
        .reason;
      expect(reason?.nl).toMatch(/nog niet bijgewerkt/);
      expect(reason?.en).toMatch(/not yet caught up/);
      expect(waited).toBeGreaterThanOrEqual(READ_AFTER_TIMEOUT_MS - 20);
      expect(waited).toBeLessThan(READ_AFTER_TIMEOUT_MS + 3_000);
    });

    it('refuses a position that is not a whole number as BAD_USER_INPUT naming the header', async () => {
      const answer = await http.query(
        'smi-officer-utrecht',
        '{ worklist(first: 1) { items { caseId } } }',
        {},
        { [readAfterPositionHeader]: 'yesterday' },
      );
      expect(answer.status).toBe(400);
      expect(refusalOf(answer)).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [readAfterPositionHeader],
      });
    });

    it('does not hold a mutation sent with a position the read models have not reached', async () => {
      const f = family();
      const document = `mutation Send($input: OpenReferralInput!) {
        result: openReferral(input: $input) { caseId position } }`;
      const answer = await http.query<{ result: { caseId: string } }>(
        'smi-officer-utrecht',
        document,
        { input: f.referral },
        { [readAfterPositionHeader]: '999999999' },
      );
      expect(answer.errors).toEqual([]);
      expect(answer.data?.result.caseId).toBe(f.caseId);
    });
  },
  { env: { GRAPHQL_READ_AFTER_TIMEOUT_MS: String(READ_AFTER_TIMEOUT_MS) } },
);
