// A step is not always recorded on the day it happened: Toeslagen may record on a Monday the
// decision it took the week before. The history and the as-of view must show when things
// happened in the world (business time) beside when the platform learned of them (recorded time).
// This file moves the platform's clock from day to day, as the case goes along.
import { bringTo } from './applicationSteps';
import { family, kotStart } from './families';
import { overHttp, type OverHttp } from './overHttp';
import { describeOnEachEngine } from './platformUnderTest';

let today = '2026-11-02';
const movingClock = () => new Date(`${today}T10:00:00.000Z`);

describeOnEachEngine(
  'business time beside recorded time',
  (platform) => {
    let http: OverHttp;
    beforeAll(() => {
      http = overHttp(platform());
    });

    it('shows a decision recorded days after it was taken as taken on its own day, on the business axis of caseAsOf and in the history', async () => {
      const f = family();
      today = '2026-11-02';
      f.referral['referredOn'] = today;
      await bringTo(http, f, 'RecordApplicationReceived');
      // The decision was taken on the 4th; Toeslagen records it on the 9th.
      today = '2026-11-09';
      await http.carryOut(
        'toeslagen-officer',
        'GrantKot',
        { caseId: f.caseId, grantedFrom: kotStart, decidedOn: '2026-11-04' },
        'rest',
      );

      const history = await http.history(f.caseId);
      const granted = history.find((entry) => entry.type === 'KotGranted');
      // Midnight in Amsterdam at the start of 4 November, in UTC.
      expect(granted?.occurredAt).toBe('2026-11-03T23:00:00.000Z');
      const received = history.find((entry) => entry.type === 'ApplicationReceived');
      expect(received?.occurredAt).toBe('2026-11-02T10:00:00.000Z');

      const asOf = async (at: string, timeAxis: 'BUSINESS' | 'RECORDED') =>
        (
          await http.query<{ caseAsOf: { status: string; eventCount: number } }>(
            'auditor',
            `query ($id: ID!, $at: DateTimeISO!, $axis: TimeAxis) {
              caseAsOf(id: $id, at: $at, timeAxis: $axis) { status eventCount }
            }`,
            { id: f.caseId, at, axis: timeAxis },
          )
        ).data?.caseAsOf;
      // On the 5th the family had its KOT, though nobody had recorded it yet.
      expect(await asOf('2026-11-05T12:00:00.000Z', 'BUSINESS')).toEqual({
        status: 'granted',
        eventCount: history.filter((entry) => entry.notification === null).length,
      });
      expect((await asOf('2026-11-03T12:00:00.000Z', 'BUSINESS'))?.status).toBe(
        'awaiting-decision',
      );
      // What the platform knew when the application had been received: no decision yet.
      expect((await asOf(received!.recordedAt, 'RECORDED'))?.status).toBe('awaiting-decision');
    });
  },
  { clock: movingClock },
);
