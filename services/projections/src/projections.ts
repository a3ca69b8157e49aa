// The read models of this service. Each is a projection with its own name, version, generation
// tables and checkpoint, so each has its own lag and can be rebuilt on its own.
import { projectCaseHistory } from './caseHistory/projectCaseHistory';
import { createCaseHistoryTables, dropCaseHistoryTables } from './caseHistory/caseHistoryTables';
import { createCaseSummaryTables, dropCaseSummaryTables } from './caseSummary/caseSummaryTables';
import { projectCaseSummary } from './caseSummary/projectCaseSummary';
import { refreshTimeDependentFields } from './caseSummary/refreshTimeDependentFields';
import type { ProjectionDefinition } from './generations/projectionDefinition';

/** Case summary, worklist and deadlines: all three come from the same folded state. */
export const caseSummaryProjection: ProjectionDefinition = {
  name: 'case-summary',
  // 2: offers appear on the offered supporter's worklist.
  // 3: worklists ordered by urgency (with its reason) and case age; desks keep a step that goes
  //    on while the municipality secures funding.
  // 4: worklist rows carry the case's access, so a worklist page reads no summary rows; indexes
  //    for the worklist ordered by due date and by case age.
  version: 4,
  createTables: createCaseSummaryTables,
  dropTables: dropCaseSummaryTables,
  project: projectCaseSummary,
  refreshTimeDependent: refreshTimeDependentFields,
};

export const caseHistoryProjection: ProjectionDefinition = {
  name: 'case-history',
  // 2: delivery records of the case's notifications stream are part of the history.
  version: 2,
  createTables: createCaseHistoryTables,
  dropTables: dropCaseHistoryTables,
  project: (tx, events, generation) => projectCaseHistory(tx, events, generation),
};

export const projections: readonly ProjectionDefinition[] = [
  caseSummaryProjection,
  caseHistoryProjection,
];

export type ProjectionName = 'case-summary' | 'case-history';
