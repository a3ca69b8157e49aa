import { caseViewFieldsOf, type CaseView } from '../api/caseView';

export interface IntegrityReportView {
  streamId: string;
  valid: boolean;
  eventCount: number;
  firstInvalidRevision: number | null;
  reason: string | null;
}

export const integrityQuery = `query Integrity($id: ID!) {
  verifyIntegrity(id: $id) { streamId valid eventCount firstInvalidRevision reason }
}`;

export type CaseAsOfView = CaseView & { at: string; eventCount: number };

/**
 * The case at a moment. Without personal fields unless the auditor chose to see them: each answer
 * with personal data is recorded as a read, and the slider asks at every step.
 */
export const caseAsOfQueryOf = (
  personal: boolean,
) => `query CaseAsOf${personal ? 'WithPersonalData' : ''}($id: ID!, $at: DateTimeISO!, $timeAxis: TimeAxis!) {
  caseAsOf(id: $id, at: $at, timeAxis: $timeAxis) { ${caseViewFieldsOf(personal)} at eventCount }
}`;
