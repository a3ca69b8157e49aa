// Invented families for the e2e stories, as a portal would send them over GraphQL (enum values
// as GraphQL names). Names are made up and the BSNs synthetic (11-proof, from the 9-range).
import { randomUUID } from 'node:crypto';
import { addDays, firstOfMonth, syntheticBsn, type IsoDate } from '@kot/domain';
import { storyDay } from './platformUnderTest';

/** A business date counted from the day the stories happen. */
export const day = (offset: number): IsoDate => addDays(storyDay, offset);

/** KOT is asked for and granted from the first of the month the story happens in. */
export const kotStart: IsoDate = firstOfMonth(storyDay);

/** The bewindvoerder office the demo's bewindvoerder works at. */
export const horizonOffice = {
  organisation: 'org-bewind-horizon',
  role: 'BEWINDVOERDER',
  name: 'Bewindvoering Horizon',
};

/** The court placed both parents under bewind; its reference is the court's case number. */
export const courtBewind = {
  type: 'COURT_BEWIND',
  partnerIds: ['p1', 'p2'],
  reference: 'C/16/500001 / BW RK 24-3',
  validFrom: '2024-01-01',
};

let families = 0;

export interface Family {
  caseId: string;
  /** The OpenReferral input for the Utrecht officer. */
  referral: Record<string, unknown>;
  names: { withIndication: string; working: string; child: string };
  /** Why the family applies although the check says no (a partner who does not count as working). */
  applyAnywayReason?: string;
}

/**
 * A couple in Utrecht where one partner has a permanent Wlz-indication and the other works (or,
 * with `partnerWork: 'VOLUNTEERING'`, does not count as working), one child in registered daycare.
 */
export function family(
  options: { smiUntil?: IsoDate; partnerWork?: 'EMPLOYED' | 'VOLUNTEERING' } = {},
): Family {
  const n = ++families;
  const caseId = randomUUID();
  const surname = ['Verbeek', 'de Boer', 'Yilmaz', 'Jansen', 'Bakker', 'Visser'][n % 6] as string;
  const names = {
    withIndication: `Ruud ${surname} ${n}`,
    working: `Lotte ${surname} ${n}`,
    child: `Daan ${surname} ${n}`,
  };
  return {
    caseId,
    names,
    ...(options.partnerWork === 'VOLUNTEERING'
      ? { applyAnywayReason: 'Het gezin wil een besluit van Toeslagen; de partner zoekt werk.' }
      : {}),
    referral: {
      caseId,
      municipality: 'GM0344',
      household: {
        composition: 'PARTNERS',
        partners: [
          {
            partnerId: 'p1',
            name: names.withIndication,
            bsn: syntheticBsn(1000 + 3 * n),
            birthDate: '1988-04-12',
            wlzIndication: { kind: 'PERMANENT', validFrom: '2019-06-01' },
            workStatus: 'NONE',
          },
          {
            partnerId: 'p2',
            name: names.working,
            bsn: syntheticBsn(1001 + 3 * n),
            birthDate: '1990-09-30',
            workStatus: options.partnerWork ?? 'EMPLOYED',
          },
        ],
      },
      children: [
        {
          childId: 'c1',
          name: names.child,
          bsn: syntheticBsn(1002 + 3 * n),
          birthDate: '2022-02-14',
          livesAtHome: true,
          childcare: {
            lrkNumber: '123456789',
            careType: 'DAYCARE',
            hoursPerMonth: 80,
            hourlyRateCents: 1045,
          },
        },
      ],
      smiPeriod: { from: day(-60), to: options.smiUntil ?? day(120) },
      referredOn: storyDay,
    },
  };
}
