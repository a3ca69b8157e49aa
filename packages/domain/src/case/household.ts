import type { IsoDate } from '../calendar';

/** What the partner without the indication does; only the first three satisfy the work condition. */
export const workStatuses = [
  'employed',
  'self-employed',
  'route-to-work' /* traject naar werk */,
  'volunteering',
  'day-activities' /* dagbesteding */,
  'none',
  'unknown',
] as const;
export type WorkStatus = (typeof workStatuses)[number];
export const countsAsWork = (status: WorkStatus): boolean =>
  status === 'employed' || status === 'self-employed' || status === 'route-to-work';

export type IndicationKind = 'permanent' | 'temporary';

/** A Wlz-indication as stated by the referrer, confirmed by CIZ or shown by a copy of CIZ's decision. */
export interface WlzIndication {
  kind: IndicationKind | 'unknown';
  validFrom?: IsoDate;
  /** Absent for an indication without end date (the usual permanent one). */
  validTo?: IsoDate;
}

export interface Partner {
  partnerId: string;
  /** Personal data: encrypted in the log. */
  name: string;
  bsn: string;
  birthDate: IsoDate;
  /** null = this partner has no Wlz-indication. */
  wlzIndication: WlzIndication | null;
  workStatus: WorkStatus;
}

export const careTypes = ['daycare', 'out-of-school-care', 'childminder'] as const;
export type CareType = (typeof careTypes)[number];

export interface Childcare {
  lrkNumber: string;
  careType: CareType;
  hoursPerMonth: number;
  hourlyRateCents: number;
}

export interface Child {
  childId: string;
  name: string;
  bsn: string;
  birthDate: IsoDate;
  livesAtHome: boolean;
  /** null = no registered childcare yet. */
  childcare: Childcare | null;
}

export interface Household {
  composition: 'partners' | 'single-parent';
  partners: Partner[];
}

/** Inclusive date range; `to` absent = open-ended. */
export interface Period {
  from: IsoDate;
  to?: IsoDate;
}
