// Which params each rule of @kot/domain puts in its intents. Templates are checked against this
// at start-up, and a unit test checks it against what the domain rules really produce, so a
// template can never ask for a field that a rule does not give.

import type { NotificationRule } from '@kot/domain';

export interface RuleParameters {
  /** Present in every intent of the rule. */
  required: readonly string[];
  /** Present in some intents of the rule only; a template may use them in a `{{#name}}…{{/name}}` section. */
  optional: readonly string[];
}

/** What every intent carries, whatever the rule. */
export const baseParameters = ['caseId', 'municipality', 'status'] as const;

/** What the templates may use besides, worked out when a message is written: the short case number. */
export const derivedParameters = ['caseNumber'] as const;

const overdue: RuleParameters = { required: ['action', 'due', 'daysOverdue'], optional: [] };

export const ruleParameters: Record<NotificationRule, RuleParameters> = {
  'case-offered': { required: ['offeredOn', 'due'], optional: [] },
  'offer-declined': { required: ['declinedBy'], optional: [] },
  'offer-overdue': { required: ['offeredOn', 'due', 'daysOverdue'], optional: [] },
  'case-closed': { required: ['outcome'], optional: [] },
  'case-claimed': { required: ['claimedBy', 'mandate'], optional: [] },
  'claim-released': { required: ['releasedBy'], optional: [] },
  'claim-revoked': { required: ['releasedBy'], optional: [] },
  'case-unclaimed': overdue,
  'kot-requested': {
    required: ['channel', 'requestedOn', 'due'],
    optional: ['callbackExpectedOn'],
  },
  'indication-check-requested': { required: ['registeredOn', 'due'], optional: [] },
  'indication-not-found': { required: [], optional: ['due'] },
  'forms-sent': { required: ['sentOn', 'due'], optional: [] },
  'application-submitted': { required: ['submittedOn', 'due'], optional: [] },
  'kot-decided': { required: ['outcome', 'decidedOn'], optional: ['grantedFrom', 'reason'] },
  'kot-rejected-continue-smi': { required: ['smiEndsOn', 'objectionEnds'], optional: [] },
  'kot-rejected-objection-deadline': { required: ['objectionEnds', 'reason'], optional: [] },
  'objection-window-closing': { required: ['objectionEnds', 'against', 'daysLeft'], optional: [] },
  'objection-filed': { required: ['filedOn', 'against', 'due'], optional: [] },
  'smi-ending-without-kot': { required: ['smiEndsOn', 'daysAtRisk'], optional: [] },
  'decision-overdue': overdue,
  'step-overdue': overdue,
  'funding-gap-opened': { required: ['from', 'accepted'], optional: ['days', 'to'] },
  'kot-stopped': { required: ['stoppedFrom', 'setToZero'], optional: [] },
  'kot-stopped-objection-deadline': { required: ['objectionEnds'], optional: [] },
  'kot-changed': { required: ['changedFrom'], optional: [] },
  'smi-ended': { required: ['lastDay'], optional: [] },
  'smi-extended': { required: ['until'], optional: [] },
  'smi-reinstated': { required: ['from', 'until'], optional: [] },
  'indication-reassessed': { required: ['outcome'], optional: ['validTo', 'kind'] },
  'kot-ending-with-indication': { required: ['kotEndsOn', 'daysAtRisk'], optional: [] },
  'desk-step-ended': { required: ['action'], optional: [] },
  'change-to-pass': { required: ['changeKind', 'effectiveFrom'], optional: [] },
  'change-passed': { required: ['changeKind', 'effectiveFrom'], optional: [] },
  'indicated-partner-corrected': { required: ['correctedOn'], optional: [] },
  'kot-settled': { required: ['year', 'outcome', 'amountCents'], optional: [] },
};
