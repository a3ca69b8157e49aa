import { registerEnumType } from 'type-graphql';

export enum TimeAxis {
  /** When the platform recorded the facts: what it knew then. */
  RECORDED = 'RECORDED',
  /** When the facts happened in the world (a back-dated fact counts from its business time). */
  BUSINESS = 'BUSINESS',
}
registerEnumType(TimeAxis, { name: 'TimeAxis' });

export enum ViewLevel {
  SUMMARY = 'summary',
  PERSONAL = 'personal',
}
registerEnumType(ViewLevel, {
  name: 'ViewLevel',
  description: 'SUMMARY: the process without who the family is; PERSONAL: with names and BSNs.',
});

export enum WorklistAudience {
  RESPONSIBLE = 'responsible',
  ESCALATION = 'escalation',
  OFFERED = 'offered',
  CONTINUING = 'continuing',
}
registerEnumType(WorklistAudience, {
  name: 'WorklistAudience',
  description:
    'RESPONSIBLE: yours to do; ESCALATION: overdue with someone else, escalated to you; OFFERED: a case offered to you to take on or decline; CONTINUING: your step goes on while the municipality secures the family’s funding.',
});

export enum WorklistScope {
  MINE = 'MINE',
  ORGANISATION = 'ORGANISATION',
  COLLEAGUES = 'COLLEAGUES',
}
registerEnumType(WorklistScope, {
  name: 'WorklistScope',
  description:
    "MINE: addressed to you in person; ORGANISATION: all of your organisation's; COLLEAGUES: your organisation's, except those addressed to you.",
});

export enum WorklistSort {
  URGENCY = 'urgency',
  DUE = 'due',
  AGE = 'age',
}
registerEnumType(WorklistSort, {
  name: 'WorklistSort',
  description:
    'URGENCY: no funding today first, then at risk, late, on time; DUE: soonest due first; AGE: oldest case first.',
});
