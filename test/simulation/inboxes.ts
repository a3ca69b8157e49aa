// The notifications the platform's rules produce, put in the inboxes of the parties they address:
// the domain's notificationsForEvent for every appended event and notificationsForDeadlines once a
// day per open case (what the notifications service's feed and timers run), deduplicated by the
// intent's id as the service does. A party reads its own inbox only.
import type { NotificationIntent, NotificationRule, PartyRef, IsoDate } from '@kot/domain';

export interface Message {
  id: string;
  rule: NotificationRule;
  caseId: string;
  day: IsoDate;
  fromTimer: boolean;
}

/** Notifications about a day without funding: what makes its owner "notified". */
export const fundingRules: ReadonlySet<NotificationRule> = new Set<NotificationRule>([
  'funding-gap-opened',
  'smi-ending-without-kot',
  'kot-stopped',
  'kot-rejected-continue-smi',
]);

export const escalationRules: ReadonlySet<NotificationRule> = new Set<NotificationRule>([
  'step-overdue',
  'decision-overdue',
  'case-unclaimed',
  'offer-overdue',
]);

/** An organisation's role: the desk or the person's organisation reads it (personal ids aside). */
export const partyKey = (party: Pick<PartyRef, 'organisation' | 'role'>): string =>
  `${party.organisation}/${party.role}`;

export class Inboxes {
  private readonly seen = new Set<string>();
  /** Per case, the messages about it, in arrival order. */
  readonly byCase = new Map<string, Array<Message & { party: string; role: string }>>();
  readonly countsByRule = new Map<string, number>();
  readonly countsByRole = new Map<string, number>();
  total = 0;

  /** Delivers the new intents; returns those not delivered before. */
  deliver(
    intents: readonly NotificationIntent[],
    day: IsoDate,
    fromTimer: boolean,
  ): Array<Message & { party: string; role: string }> {
    const fresh: Array<Message & { party: string; role: string }> = [];
    for (const intent of intents) {
      if (this.seen.has(intent.id)) continue;
      this.seen.add(intent.id);
      const message = {
        id: intent.id,
        rule: intent.rule,
        caseId: intent.caseId,
        day,
        fromTimer,
        party: partyKey(intent.recipient),
        role: intent.recipient.role,
      };
      const list = this.byCase.get(intent.caseId) ?? [];
      list.push(message);
      this.byCase.set(intent.caseId, list);
      this.countsByRule.set(intent.rule, (this.countsByRule.get(intent.rule) ?? 0) + 1);
      this.countsByRole.set(
        intent.recipient.role,
        (this.countsByRole.get(intent.recipient.role) ?? 0) + 1,
      );
      this.total++;
      fresh.push(message);
    }
    return fresh;
  }

  /** Whether `party` was told about this case's funding on or after `since`, by `day`. */
  toldAboutFunding(caseId: string, party: string, since: IsoDate, day: IsoDate): boolean {
    return (this.byCase.get(caseId) ?? []).some(
      (m) => m.party === party && fundingRules.has(m.rule) && m.day >= since && m.day <= day,
    );
  }
}
