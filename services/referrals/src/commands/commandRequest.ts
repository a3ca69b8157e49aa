import type { CaseCommand, OpenReferral } from '@kot/domain';

/**
 * A command as it arrives: the domain's command, except that a new referral may leave its case id
 * to the service (derived from the command id, so a retry lands on the same case).
 */
export type CommandRequest =
  (Omit<OpenReferral, 'caseId'> & { caseId?: string }) | Exclude<CaseCommand, OpenReferral>;

export interface CommandOptions {
  /** Idempotency key: the same command with the same id is carried out once. */
  commandId?: string;
  /** Ties the resulting events to the request (or conversation) that caused them. */
  correlationId?: string;
}
