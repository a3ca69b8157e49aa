import { caseViewFields, type CaseView } from '../api/caseView';

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

export const caseAsOfQuery = `query CaseAsOf($id: ID!, $at: DateTimeISO!, $timeAxis: TimeAxis!) {
  caseAsOf(id: $id, at: $at, timeAxis: $timeAxis) { ${caseViewFields} at eventCount }
}`;
