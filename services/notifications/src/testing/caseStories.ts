// Case stories for the tests and the bench: commands run through the domain's own decider, the
// events appended to a real store one command at a time. Synthetic people only (@kot/domain/testing).

import { randomUUID } from 'node:crypto';
import {
  caseStreamId,
  foldCase,
  handleCommand,
  type CaseCommand,
  type CaseEvent,
  type CommandContext,
} from '@kot/domain';
import {
  actors,
  at,
  openReferral,
  untilDecision as journeyUntilDecision,
} from '@kot/domain/testing';
import type { EventStore, NewEvent } from '@kot/eventstore';

export type StepName =
  | 'open'
  | 'offer'
  | 'claim'
  | 'request'
  | 'register'
  | 'notFound'
  | 'confirm'
  | 'forms'
  | 'submit'
  | 'receive'
  | 'grant'
  | 'reject'
  | 'release'
  | 'releaseWhileWaiting'
  | 'decline'
  | 'closeNotEligible'
  | 'object'
  | 'stop'
  | 'stopToZero'
  | 'endSmiAcceptingGap'
  | 'reinstateSmi'
  | 'confirmTemporary'
  | 'reassessExtended'
  | 'change'
  | 'recordChange'
  | 'passChange'
  | 'correctIndicatedPartner'
  | 'settle'
  | 'extendSmi'
  | 'withdrawWhileDeciding';

export function referralStep(caseId: string, name: StepName): [CaseCommand, CommandContext] {
  switch (name) {
    case 'open':
      return [
        openReferral({ caseId, smiPeriod: { from: '2024-01-01', to: '2024-05-31' } }),
        at('2024-03-04', actors.officer),
      ];
    case 'offer':
      return [
        {
          type: 'OfferCase',
          caseId,
          to: { organisation: 'org-bewind-horizon', role: 'bewindvoerder' },
        },
        at('2024-03-05', actors.officer),
      ];
    case 'claim':
      return [
        {
          type: 'ClaimCase',
          caseId,
          mandate: {
            type: 'court-bewind',
            partnerIds: ['p1', 'p2'],
            reference: 'C/16/100001 / BW RK 22-1',
            validFrom: '2022-01-01',
          },
        },
        at('2024-03-07', actors.bewindvoerder),
      ];
    case 'request':
      return [
        { type: 'RequestKot', caseId, channel: 'phone' },
        at('2024-03-11', actors.bewindvoerder),
      ];
    case 'register':
      return [{ type: 'RegisterWlzRequest', caseId }, at('2024-03-14', actors.toeslagen)];
    case 'notFound':
      return [
        { type: 'ReportWlzIndicationNotFound', caseId, partnerId: 'p1', reason: 'Niet gevonden' },
        at('2024-03-14', actors.toeslagen),
      ];
    case 'confirm':
      return [
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p1',
          kind: 'permanent',
          validFrom: '2019-06-01',
        },
        at('2024-03-15', actors.toeslagen),
      ];
    case 'forms':
      return [{ type: 'SendApplicationForms', caseId }, at('2024-03-18', actors.toeslagen)];
    case 'submit':
      return [
        {
          type: 'SubmitApplication',
          caseId,
          requestedStart: '2024-04-01',
          signedByBothPartners: true,
        },
        at('2024-03-29', actors.bewindvoerder),
      ];
    case 'receive':
      return [{ type: 'RecordApplicationReceived', caseId }, at('2024-04-03', actors.toeslagen)];
    case 'grant':
      return [
        { type: 'GrantKot', caseId, grantedFrom: '2024-04-01' },
        at('2024-04-30', actors.toeslagen),
      ];
    case 'reject':
      return [
        {
          type: 'RejectKot',
          caseId,
          reason: 'partner-not-working',
          explanation: 'Partner werkt niet',
        },
        at('2024-04-30', actors.toeslagen),
      ];
    case 'release':
      return [
        { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd' },
        at('2024-03-08', actors.bewindvoerder),
      ];
    case 'releaseWhileWaiting':
      return [
        { type: 'ReleaseClaim', caseId, reason: 'Bewind beëindigd' },
        at('2024-04-10', actors.bewindvoerder),
      ];
    case 'decline':
      return [
        { type: 'DeclineOffer', caseId, reason: 'Geen capaciteit' },
        at('2024-03-06', actors.bewindvoerder),
      ];
    case 'closeNotEligible':
      return [
        { type: 'CloseCase', caseId, outcome: 'stays-on-smi' },
        at('2024-03-09', actors.officer),
      ];
    case 'object':
      return [
        { type: 'FileObjection', caseId, grounds: 'Partner werkt wel, zie contract.' },
        at('2024-05-06', actors.bewindvoerder),
      ];
    case 'stop':
    case 'stopToZero':
      return [
        {
          type: 'StopKot',
          caseId,
          stoppedFrom: '2024-07-01',
          setToZero: name === 'stopToZero',
          reason: 'Uren klopten niet',
        },
        at('2024-06-20', actors.toeslagen),
      ];
    case 'endSmiAcceptingGap':
      return [
        {
          type: 'EndSmi',
          caseId,
          lastDay: '2024-05-15',
          acceptGapReason: 'Gezin verhuist naar een andere gemeente',
        },
        at('2024-05-02', actors.officer),
      ];
    case 'reinstateSmi':
      return [
        { type: 'ReinstateSmi', caseId, from: '2024-06-08', until: '2024-08-31' },
        at('2024-06-10', actors.officer),
      ];
    case 'confirmTemporary':
      return [
        {
          type: 'ConfirmWlzIndication',
          caseId,
          partnerId: 'p1',
          kind: 'temporary',
          validFrom: '2023-06-01',
          validTo: '2024-07-31',
        },
        at('2024-03-15', actors.toeslagen),
      ];
    case 'reassessExtended':
      return [
        {
          type: 'ReassessWlzIndication',
          caseId,
          partnerId: 'p1',
          outcome: 'extended',
          kind: 'temporary',
          validTo: '2025-07-31',
        },
        at('2024-06-03', actors.ciz),
      ];
    case 'change':
      return [
        { type: 'ChangeKot', caseId, changedFrom: '2024-06-01', reason: 'Meer uren opvang' },
        at('2024-05-20', actors.toeslagen),
      ];
    case 'recordChange':
      return [
        {
          type: 'RecordHouseholdChange',
          caseId,
          changeKind: 'partner-work',
          partnerId: 'p2',
          workStatus: 'none',
          effectiveFrom: '2024-06-01',
        },
        at('2024-06-10', actors.bewindvoerder),
      ];
    case 'passChange':
      return [
        { type: 'PassChangeToToeslagen', caseId, changeId: 'change-1' },
        at('2024-06-12', actors.bewindvoerder),
      ];
    case 'correctIndicatedPartner':
      return [
        {
          type: 'CorrectIndicatedPartner',
          caseId,
          partnerId: 'p2',
          reason: 'De indicatie staat op naam van de andere ouder',
        },
        at('2024-06-14', actors.officer),
      ];
    case 'settle':
      return [
        { type: 'SettleKot', caseId, year: 2024, outcome: 'reclaim', amountCents: 31_500 },
        at('2025-03-01', actors.toeslagen),
      ];
    case 'extendSmi':
      return [{ type: 'ExtendSmi', caseId, until: '2024-12-31' }, at('2024-05-02', actors.officer)];
    case 'withdrawWhileDeciding':
      return [
        { type: 'WithdrawCase', caseId, reason: 'Gezin verhuist' },
        at('2024-04-10', actors.officer),
      ];
  }
}

export const untilDecision: StepName[] = [...journeyUntilDecision];

/** Runs the steps for a case and appends each command's events; returns the events. */
export async function appendStory(
  store: EventStore,
  caseId: string,
  steps: readonly StepName[],
  history: CaseEvent[] = [],
): Promise<CaseEvent[]> {
  const events = [...history];
  for (const name of steps) {
    const [command, ctx] = referralStep(caseId, name);
    const emitted = handleCommand(command, foldCase(events), ctx);
    const expectedRevision = events.length === 0 ? 'no_stream' : events.length - 1;
    await store.append(
      caseStreamId(caseId),
      emitted.map((event): NewEvent => ({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as unknown as NewEvent['data'],
        metadata: {
          actor: { id: ctx.actor.id, role: ctx.actor.role, organisation: ctx.actor.organisation },
          occurredAt: ctx.now,
        },
      })),
      { expectedRevision },
    );
    events.push(...emitted);
  }
  return events;
}
