// A few demo cases at telling stages, created through the real command path so every read model,
// notification and history entry is what a real case would produce. Each step is carried out with
// the clock at its own business moment (weeks ago for the older cases), so dates, durations and
// the report read as they would in real use. Fixed case and command ids make seeding idempotent:
// a restart finds the commands already carried out and skips them. It does not send them again:
// on a later day their dates would differ, and the same command id with a different request is
// refused as a conflict.
import {
  addDays,
  caseStreamId,
  dateInAmsterdam,
  firstOfMonth,
  syntheticBsn,
  type Actor,
  type IsoDate,
} from '@kot/domain';
import { actors, child, couple, partnerWithIndication, workingPartner } from '@kot/domain/testing';
import type { EventStore } from '@kot/eventstore';
import { newId, type Logger } from '@kot/platform';
import { createCommandExecutor, type CommandRequest } from '@kot/referrals';

/** Days before today, the step's name, the command and who sends it. */
type Step = [daysAgo: number, name: string, command: CommandRequest, actor: Actor];

export const demoCaseIds = {
  offered: '0193c0de-0001-7000-8000-000000000001',
  awaitingDecision: '0193c0de-0002-7000-8000-000000000002',
  gap: '0193c0de-0003-7000-8000-000000000003',
} as const;

/** The steps of the demo cases, dated relative to `today` so the demo always looks current. */
export function demoCaseSteps(today: IsoDate): Step[] {
  const day = (offset: number) => addDays(today, offset);
  const horizon = {
    organisation: 'org-bewind-horizon',
    role: 'bewindvoerder' as const,
    name: 'Bewindvoering Horizon',
  };
  const mandate = {
    type: 'court-bewind' as const,
    partnerIds: ['p1', 'p2'],
    reference: 'C/16/100001 / BW RK 22-1',
    validFrom: day(-400),
  };
  const { offered, awaitingDecision, gap } = demoCaseIds;
  const boer = {
    composition: 'partners' as const,
    partners: [
      partnerWithIndication({ name: 'Sem de Boer', bsn: syntheticBsn(11) }),
      workingPartner({ name: 'Eva de Boer', bsn: syntheticBsn(12) }),
    ],
  };
  const yilmaz = {
    composition: 'partners' as const,
    partners: [
      partnerWithIndication({ name: 'Ahmed Yilmaz', bsn: syntheticBsn(21) }),
      workingPartner({
        name: 'Noor Yilmaz',
        bsn: syntheticBsn(22),
        workStatus: 'volunteering' as const,
      }),
    ],
  };
  return [
    // A fresh referral, offered to the bewindvoerder office: it shows in their offers.
    [
      2,
      'open',
      {
        type: 'OpenReferral',
        caseId: offered,
        municipality: 'GM0344',
        household: couple(),
        children: [child()],
        smiPeriod: { from: day(-60), to: day(120) },
      },
      actors.officer,
    ],
    [1, 'offer', { type: 'OfferCase', caseId: offered, to: horizon }, actors.officer],
    // An application waiting six weeks at Toeslagen: overdue, escalated.
    [
      75,
      'open',
      {
        type: 'OpenReferral',
        caseId: awaitingDecision,
        municipality: 'GM0344',
        household: boer,
        children: [child({ name: 'Mila de Boer', bsn: syntheticBsn(13) })],
        smiPeriod: { from: day(-90), to: day(14) },
      },
      actors.officer,
    ],
    [74, 'offer', { type: 'OfferCase', caseId: awaitingDecision, to: horizon }, actors.officer],
    [72, 'claim', { type: 'ClaimCase', caseId: awaitingDecision, mandate }, actors.bewindvoerder],
    [
      70,
      'request',
      { type: 'RequestKot', caseId: awaitingDecision, channel: 'phone' },
      actors.bewindvoerder,
    ],
    [66, 'register', { type: 'RegisterWlzRequest', caseId: awaitingDecision }, actors.toeslagen],
    [
      66,
      'confirm',
      {
        type: 'ConfirmWlzIndication',
        caseId: awaitingDecision,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
      },
      actors.toeslagen,
    ],
    [60, 'forms', { type: 'SendApplicationForms', caseId: awaitingDecision }, actors.toeslagen],
    [
      48,
      'submit',
      {
        type: 'SubmitApplication',
        caseId: awaitingDecision,
        requestedStart: firstOfMonth(day(-30)),
        signedByBothPartners: true,
      },
      actors.bewindvoerder,
    ],
    [
      45,
      'receive',
      { type: 'RecordApplicationReceived', caseId: awaitingDecision },
      actors.toeslagen,
    ],
    // Rejected after SMI ran out: the gap the platform exists to expose.
    [
      80,
      'open',
      {
        type: 'OpenReferral',
        caseId: gap,
        municipality: 'GM0344',
        household: yilmaz,
        children: [child({ name: 'Yara Yilmaz', bsn: syntheticBsn(23) })],
        smiPeriod: { from: day(-150), to: day(-10) },
      },
      actors.officer,
    ],
    [79, 'offer', { type: 'OfferCase', caseId: gap, to: horizon }, actors.officer],
    [77, 'claim', { type: 'ClaimCase', caseId: gap, mandate }, actors.bewindvoerder],
    [70, 'register', { type: 'RegisterWlzRequest', caseId: gap }, actors.toeslagen],
    [
      70,
      'confirm',
      {
        type: 'ConfirmWlzIndication',
        caseId: gap,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2018-01-01',
      },
      actors.toeslagen,
    ],
    [65, 'forms', { type: 'SendApplicationForms', caseId: gap }, actors.toeslagen],
    [
      55,
      'submit',
      {
        type: 'SubmitApplication',
        caseId: gap,
        requestedStart: firstOfMonth(day(-60)),
        signedByBothPartners: true,
      },
      actors.bewindvoerder,
    ],
    [52, 'receive', { type: 'RecordApplicationReceived', caseId: gap }, actors.toeslagen],
    [
      5,
      'reject',
      {
        type: 'RejectKot',
        caseId: gap,
        reason: 'partner-not-working',
        explanation: 'De partner doet vrijwilligerswerk; dat telt niet als werk.',
      },
      actors.toeslagen,
    ],
  ];
}

export async function seedDemoCases(store: EventStore, logger: Logger, now: Date): Promise<number> {
  let clock = now;
  const execute = createCommandExecutor({
    store,
    clock: () => clock,
    newId,
    logger,
  });
  const steps = demoCaseSteps(dateInAmsterdam(now.toISOString()));
  const carriedOut = new Map<string, Set<string>>();
  const alreadyCarriedOut = async (caseId: string, commandId: string) => {
    let ids = carriedOut.get(caseId);
    if (!ids) {
      const stored = await store.readStream(caseStreamId(caseId));
      ids = new Set(stored.map((event) => event.metadata.commandId ?? ''));
      carriedOut.set(caseId, ids);
    }
    return ids.has(commandId);
  };
  let added = 0;
  for (const [daysAgo, name, command, actor] of steps) {
    const caseId = command.caseId as string;
    const commandId = `demo-${caseId}-${name}`;
    if (await alreadyCarriedOut(caseId, commandId)) continue;
    clock = new Date(now.getTime() - daysAgo * 86_400_000);
    await execute(command, actor, { commandId });
    added++;
    // PGlite runs in this thread: let the server answer the first visitors between steps.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return added;
}
