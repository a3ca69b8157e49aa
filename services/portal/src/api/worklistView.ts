// The worklist and the case list as the read side answers them.
import type { Role, StepAction, Text } from '@kot/domain';

export interface WorklistItemView {
  caseId: string;
  audience: 'RESPONSIBLE' | 'ESCALATION' | 'OFFERED' | 'CONTINUING';
  mine: boolean;
  municipality: string;
  status: string;
  action: StepAction;
  description: Text;
  responsible: { organisation: string; role: Role; personId: string | null; name: string | null };
  since: string;
  due: string;
  overdue: boolean;
  daysOverdue: number;
  deadline: string | null;
  /** Why the item stands where it stands on the list (the list's order). */
  urgency: { rank: number; kind: string; reason: Text };
  caseNumber: string;
  /** Only for readers who may see the family's personal data. */
  familyName: string | null;
}

export type WorklistSort = 'URGENCY' | 'DUE' | 'AGE';

export type WorklistScope = 'MINE' | 'ORGANISATION' | 'COLLEAGUES';

export const worklistQuery = `query Worklist($scope: WorklistScope!, $audiences: [WorklistAudience!], $first: Int!, $after: String, $sort: WorklistSort, $search: String) {
  worklist(scope: $scope, audiences: $audiences, first: $first, after: $after, sort: $sort, search: $search) {
    items {
      caseId caseNumber familyName audience mine municipality status action description { nl en }
      responsible { organisation role personId name } since due overdue daysOverdue deadline
      urgency { rank kind reason { nl en } }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

export interface CaseListItemView {
  caseId: string;
  status: string;
  municipality: string;
  referredOn: string | null;
  nextAction: StepAction | null;
  responsibleOrganisation: string | null;
  responsibleRole: string | null;
  due: string | null;
  overdue: boolean;
  eligibilityVerdict: string | null;
  fundedToday: boolean;
  gapDays: number;
  atRisk: boolean;
  caseNumber: string;
  familyName: string | null;
}

export const casesQuery = `query Cases($first: Int!, $after: String, $filter: CaseFilterInput, $search: String) {
  cases(first: $first, after: $after, filter: $filter, search: $search) {
    items {
      caseId caseNumber familyName status municipality referredOn nextAction responsibleOrganisation responsibleRole
      due overdue eligibilityVerdict fundedToday gapDays atRisk
    }
    pageInfo { endCursor hasNextPage }
  }
}`;
