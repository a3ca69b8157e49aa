// The figures the benefits agency's evaluation had to reconstruct by hand, from the key dates and
// the stored rule outcomes of every case. Medians are in calendar days between the first
// occurrence of each step.
import type { SqlClient } from '../eventStorePort';
import { caseSummaryTableNames } from '../caseSummary/caseSummaryTables';
import { toNumber } from '../sql/values';

export interface CountBy {
  key: string;
  count: number;
}

export interface ProcessReport {
  municipality: string | null;
  referred: number;
  eligibility: CountBy[];
  claimed: number;
  requested: number;
  applied: number;
  decided: number;
  granted: number;
  /** First decisions that were rejections (a later objection may still have granted KOT). */
  rejected: number;
  rejectedByReason: CountBy[];
  openCases: number;
  overdueSteps: number;
  /** Open cases whose childcare is not funded today. */
  openGaps: number;
  casesWithGaps: number;
  casesWithUnacceptedGaps: number;
  atRisk: number;
  medianDays: {
    referralToClaim: number | null;
    claimToRequest: number | null;
    requestToApplication: number | null;
    applicationToDecision: number | null;
    referralToDecision: number | null;
  };
}

const median = (from: string, to: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY (${to} - ${from})) FILTER (WHERE ${from} IS NOT NULL AND ${to} IS NOT NULL)`;

export async function buildReport(
  db: SqlClient,
  generation: number,
  municipality: string | null,
): Promise<ProcessReport> {
  const table = caseSummaryTableNames(generation).summary;
  const where = `WHERE ($1::text IS NULL OR municipality = $1)`;
  const [totals] = await db.query<Record<string, unknown>>(
    {
      name: `case_summary_g${generation}_report`,
      text: `SELECT count(*) AS referred,
          count(claimed_on) AS claimed,
          count(requested_on) AS requested,
          count(application_submitted_on) AS applied,
          count(first_decided_on) AS decided,
          count(granted_on) AS granted,
          count(*) FILTER (WHERE first_decision_outcome = 'rejected') AS rejected,
          count(*) FILTER (WHERE is_open) AS open_cases,
          count(*) FILTER (WHERE is_open AND next_overdue) AS overdue_steps,
          count(*) FILTER (WHERE is_open AND NOT funded_today) AS open_gaps,
          count(*) FILTER (WHERE gap_days > 0) AS cases_with_gaps,
          count(*) FILTER (WHERE unaccepted_gap_days > 0) AS cases_with_unaccepted_gaps,
          count(*) FILTER (WHERE at_risk) AS at_risk,
          ${median('referred_on', 'claimed_on')} AS referral_to_claim,
          ${median('claimed_on', 'requested_on')} AS claim_to_request,
          ${median('requested_on', 'application_submitted_on')} AS request_to_application,
          ${median('application_submitted_on', 'first_decided_on')} AS application_to_decision,
          ${median('referred_on', 'first_decided_on')} AS referral_to_decision
        FROM ${table} ${where}`,
    },
    [municipality],
  );
  const countBy = async (column: string, condition: string): Promise<CountBy[]> => {
    const rows = await db.query<{ key: string; count: unknown }>(
      {
        name: `case_summary_g${generation}_report_by_${column}`,
        text: `SELECT ${column} AS key, count(*) AS count FROM ${table}
               ${where} AND ${condition} GROUP BY ${column} ORDER BY count(*) DESC, ${column}`,
      },
      [municipality],
    );
    return rows.map((row) => ({ key: row.key, count: toNumber(row.count) }));
  };
  const row = totals ?? {};
  const count = (name: string) => toNumber(row[name] ?? 0);
  const days = (name: string) =>
    row[name] === null || row[name] === undefined ? null : toNumber(row[name]);
  return {
    municipality,
    referred: count('referred'),
    eligibility: await countBy('eligibility_verdict', 'eligibility_verdict IS NOT NULL'),
    claimed: count('claimed'),
    requested: count('requested'),
    applied: count('applied'),
    decided: count('decided'),
    granted: count('granted'),
    rejected: count('rejected'),
    rejectedByReason: await countBy(
      'first_rejection_reason',
      `first_decision_outcome = 'rejected' AND first_rejection_reason IS NOT NULL`,
    ),
    openCases: count('open_cases'),
    overdueSteps: count('overdue_steps'),
    openGaps: count('open_gaps'),
    casesWithGaps: count('cases_with_gaps'),
    casesWithUnacceptedGaps: count('cases_with_unaccepted_gaps'),
    atRisk: count('at_risk'),
    medianDays: {
      referralToClaim: days('referral_to_claim'),
      claimToRequest: days('claim_to_request'),
      requestToApplication: days('request_to_application'),
      applicationToDecision: days('application_to_decision'),
      referralToDecision: days('referral_to_decision'),
    },
  };
}
