// The families of a simulated year: who they are in truth (what the simulation knows and no actor
// may read), and what the referring officer enters about them. Each family is drawn from its own
// random stream, so changing a policy in a what-if run does not change who the families are.
import {
  addDays,
  dayNumber,
  fromDayNumber,
  syntheticBsn,
  type Child,
  type Household,
  type IndicationKind,
  type IsoDate,
  type Partner,
  type WorkStatus,
} from '@kot/domain';
import type { SimulationParameters } from './parameters';
import { between, chance, randomStream, seededUuid, weighted } from './random';

export type HouseholdKind = keyof SimulationParameters['households']['value'];

export interface Family {
  n: number;
  caseId: string;
  kind: HouseholdKind;
  referredOn: IsoDate;
  municipality: SimulationParameters['municipalities']['value'][number];
  household: Household;
  children: Child[];
  smiPeriod: { from: IsoDate; to: IsoDate };
  /** The indication as it is in CIZ's records (the truth CIZ confirms). */
  indication: { partnerId: string; kind: IndicationKind; validFrom: IsoDate; validTo?: IsoDate };
  claimsItself: boolean;
  appliesDespiteNo: boolean;
  foundByCiz: boolean;
  objectsToRejection: boolean;
  failures: {
    lostDecisionLetter: boolean;
    silentSupporter: boolean;
    /** The supporter's DigiD mandate ends this many days after the claim. */
    mandateEndsAfterDays: number | null;
    smiEndedEarly: boolean;
    /** Toeslagen sets the running KOT to zero this many days after the grant (a wrong figure). */
    setToZeroAfterDays: number | null;
  };
}

const firstNames = [
  'Sanne',
  'Daan',
  'Eva',
  'Milan',
  'Noor',
  'Bram',
  'Lotte',
  'Sem',
  'Iris',
  'Luuk',
];
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos'];

export function drawPopulation(parameters: SimulationParameters): Family[] {
  const count = parameters.families.value;
  const arrivals = arrivalDays(parameters, count);
  return arrivals.map((referredOn, n) => drawFamily(parameters, n, referredOn));
}

/** Referral days spread over the year by the monthly weights, in day order. */
function arrivalDays(parameters: SimulationParameters, count: number): IsoDate[] {
  const random = randomStream(parameters.seed, 'arrivals');
  const first = dayNumber(parameters.firstDay);
  // Leave the last two months for the cases to move: referrals stop two months before the end.
  const lastArrival = first + parameters.days - 60;
  const weights: number[] = [];
  for (let day = first; day <= lastArrival; day++) {
    const month = Number(fromDayNumber(day).slice(5, 7)) - 1;
    weights.push(parameters.monthlyWeights.value[month] ?? 1);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const days: IsoDate[] = [];
  for (let i = 0; i < count; i++) {
    let point = random() * total;
    let offset = 0;
    while (offset < weights.length - 1 && point >= weights[offset]!) point -= weights[offset++]!;
    days.push(fromDayNumber(first + offset));
  }
  return days.sort();
}

function drawFamily(parameters: SimulationParameters, n: number, referredOn: IsoDate): Family {
  const random = randomStream(parameters.seed, 'family', n);
  const caseId = seededUuid(random);
  const kind = weighted(random, parameters.households.value);
  const municipalities = parameters.municipalities.value;
  const municipality = municipalities[between(random, 0, municipalities.length - 1)]!;
  const lastName = lastNames[between(random, 0, lastNames.length - 1)]!;
  const name = () => `${firstNames[between(random, 0, firstNames.length - 1)]} ${lastName}`;
  const failures = parameters.failures;

  const temporary = kind === 'temporaryIndication';
  const indicationKind: IndicationKind = temporary ? 'temporary' : 'permanent';
  const validFrom = addDays(referredOn, -between(random, 60, 900));
  const runsOut = temporary && chance(random, failures.temporaryIndicationRunsOut.value);
  const indication = {
    partnerId: 'p1',
    kind: indicationKind,
    validFrom,
    ...(temporary
      ? {
          validTo: addDays(
            referredOn,
            runsOut ? between(random, 90, 300) : between(random, 400, 900),
          ),
        }
      : {}),
  };
  const statedKind = chance(random, parameters.indicationKindUnknownAtReferral.value)
    ? ('unknown' as const)
    : indication.kind;
  const indicated: Partner = {
    partnerId: 'p1',
    name: name(),
    bsn: syntheticBsn(n * 4 + 1),
    birthDate: `19${between(random, 80, 99)}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`,
    wlzIndication: {
      kind: statedKind,
      validFrom: indication.validFrom,
      ...(indication.validTo ? { validTo: indication.validTo } : {}),
    },
    workStatus: 'none',
  };
  const partnerWork: WorkStatus =
    kind === 'partnerNotWorking'
      ? (['none', 'volunteering', 'day-activities'] as const)[between(random, 0, 2)]!
      : (['employed', 'employed', 'self-employed', 'route-to-work'] as const)[
          between(random, 0, 3)
        ]!;
  const partner: Partner = {
    partnerId: 'p2',
    name: name(),
    bsn: syntheticBsn(n * 4 + 2),
    birthDate: `19${between(random, 80, 99)}-1${between(random, 0, 2)}-0${between(random, 1, 9)}`,
    wlzIndication:
      kind === 'bothIndicated' ? { kind: 'permanent', validFrom: indication.validFrom } : null,
    workStatus: kind === 'bothIndicated' ? 'none' : partnerWork,
  };
  const household: Household =
    kind === 'singleParent'
      ? { composition: 'single-parent', partners: [indicated] }
      : { composition: 'partners', partners: [indicated, partner] };
  const child: Child = {
    childId: 'c1',
    name: name(),
    bsn: syntheticBsn(n * 4 + 3),
    birthDate: `20${between(random, 14, 21)}-0${between(random, 1, 9)}-2${between(random, 0, 8)}`,
    livesAtHome: true,
    childcare: {
      lrkNumber: String(between(random, 100_000_000, 999_999_999)),
      careType: 'daycare',
      hoursPerMonth: between(random, 40, 120),
      hourlyRateCents: between(random, 900, 1100),
    },
  };
  const smiEndedEarly = chance(random, failures.smiEndedEarly.value);
  const smiMonths = smiEndedEarly ? 1 : municipality.smiMonths;
  const smiPeriod = { from: referredOn, to: addDays(referredOn, smiMonths * 30 - 1) };
  return {
    n,
    caseId,
    kind,
    referredOn,
    municipality,
    household,
    children: [child],
    smiPeriod,
    indication,
    claimsItself: chance(random, parameters.householdClaimsItself.value),
    appliesDespiteNo: chance(random, parameters.applyDespiteNo.value),
    foundByCiz: !chance(random, parameters.indicationNotFound.value),
    objectsToRejection: chance(random, parameters.objectAfterRejection.value),
    failures: {
      lostDecisionLetter: chance(random, failures.lostDecisionLetter.value),
      silentSupporter: chance(random, failures.silentSupporter.value),
      mandateEndsAfterDays: chance(random, failures.expiringMandate.value)
        ? between(random, 10, 60)
        : null,
      smiEndedEarly,
      setToZeroAfterDays: chance(random, failures.kotSetToZero.value)
        ? between(random, 20, 120)
        : null,
    },
  };
}
