// A few demo cases at telling stages, created through the real command path so every read model,
// notification and history entry is what a real case would produce. Fixed case and command ids
// make seeding idempotent: a restart finds the commands already carried out and adds nothing.
import {
  addDays,
  dateInAmsterdam,
  firstOfMonth,
  syntheticBsn,
  type Actor,
  type IsoDate,
} from '@kot/domain';
import { actors, child, couple, partnerWithIndication, workingPartner } from '@kot/domain/testing';
import type { CommandRequest, ExecuteCommand } from '@kot/referrals';

type Step = [string, CommandRequest, Actor];

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
  const mandate = { type: 'court-bewind' as const, validFrom: day(-400) };
  const { offered, awaitingDecision, gap } = demoCaseIds;
  return [
    // A fresh referral, offered to the bewindvoerder office: it shows in their offers.
    [
      'open',
      {
        type: 'OpenReferral',
        caseId: offered,
        municipality: 'GM0344',
        household: couple(),
        children: [child()],
        smiPeriod: { from: day(-60), to: day(120) },
        referredOn: day(-2),
      },
      actors.officer,
    ],
    ['offer', { type: 'OfferCase', caseId: offered, to: horizon }, actors.officer],
    // An application waiting six weeks at Toeslagen: overdue, escalated.
    [
      'open',
      {
        type: 'OpenReferral',
        caseId: awaitingDecision,
        municipality: 'GM0344',
        household: {
          composition: 'partners',
          partners: [
            partnerWithIndication({ name: 'Sem de Boer', bsn: syntheticBsn(11) }),
            workingPartner({ name: 'Eva de Boer', bsn: syntheticBsn(12) }),
          ],
        },
        children: [child({ name: 'Mila de Boer', bsn: syntheticBsn(13) })],
        smiPeriod: { from: day(-90), to: day(14) },
        referredOn: day(-75),
      },
      actors.officer,
    ],
    ['offer', { type: 'OfferCase', caseId: awaitingDecision, to: horizon }, actors.officer],
    ['claim', { type: 'ClaimCase', caseId: awaitingDecision, mandate }, actors.bewindvoerder],
    [
      'request',
      { type: 'RequestKot', caseId: awaitingDecision, channel: 'phone', requestedOn: day(-70) },
      actors.bewindvoerder,
    ],
    [
      'register',
      { type: 'RegisterWlzRequest', caseId: awaitingDecision, registeredOn: day(-66) },
      actors.toeslagen,
    ],
    [
      'confirm',
      {
        type: 'ConfirmWlzIndication',
        caseId: awaitingDecision,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2019-06-01',
      },
      actors.ciz,
    ],
    [
      'forms',
      { type: 'SendApplicationForms', caseId: awaitingDecision, sentOn: day(-60) },
      actors.toeslagen,
    ],
    [
      'submit',
      {
        type: 'SubmitApplication',
        caseId: awaitingDecision,
        requestedStart: firstOfMonth(day(-30)),
        signedByBothPartners: true,
        submittedOn: day(-48),
      },
      actors.bewindvoerder,
    ],
    [
      'receive',
      { type: 'RecordApplicationReceived', caseId: awaitingDecision, receivedOn: day(-45) },
      actors.toeslagen,
    ],
    // Rejected after SMI ran out: the gap the platform exists to expose.
    [
      'open',
      {
        type: 'OpenReferral',
        caseId: gap,
        municipality: 'GM0344',
        household: {
          composition: 'partners',
          partners: [
            partnerWithIndication({ name: 'Ahmed Yilmaz', bsn: syntheticBsn(21) }),
            workingPartner({
              name: 'Noor Yilmaz',
              bsn: syntheticBsn(22),
              workStatus: 'volunteering',
            }),
          ],
        },
        children: [child({ name: 'Yara Yilmaz', bsn: syntheticBsn(23) })],
        smiPeriod: { from: day(-150), to: day(-10) },
        referredOn: day(-80),
      },
      actors.officer,
    ],
    ['offer', { type: 'OfferCase', caseId: gap, to: horizon }, actors.officer],
    ['claim', { type: 'ClaimCase', caseId: gap, mandate }, actors.bewindvoerder],
    [
      'register',
      { type: 'RegisterWlzRequest', caseId: gap, registeredOn: day(-70) },
      actors.toeslagen,
    ],
    [
      'confirm',
      {
        type: 'ConfirmWlzIndication',
        caseId: gap,
        partnerId: 'p1',
        kind: 'permanent',
        validFrom: '2018-01-01',
      },
      actors.ciz,
    ],
    ['forms', { type: 'SendApplicationForms', caseId: gap, sentOn: day(-65) }, actors.toeslagen],
    [
      'submit',
      {
        type: 'SubmitApplication',
        caseId: gap,
        requestedStart: firstOfMonth(day(-60)),
        signedByBothPartners: true,
        submittedOn: day(-55),
      },
      actors.bewindvoerder,
    ],
    [
      'receive',
      { type: 'RecordApplicationReceived', caseId: gap, receivedOn: day(-52) },
      actors.toeslagen,
    ],
    [
      'reject',
      {
        type: 'RejectKot',
        caseId: gap,
        reason: 'partner-not-working',
        explanation: 'De partner doet vrijwilligerswerk; dat telt niet als werk.',
        decidedOn: day(-5),
      },
      actors.toeslagen,
    ],
  ];
}

export async function seedDemoCases(execute: ExecuteCommand, now: Date): Promise<number> {
  const steps = demoCaseSteps(dateInAmsterdam(now.toISOString()));
  for (const [name, command, actor] of steps) {
    await execute(command, actor, { commandId: `demo-${command.caseId}-${name}` });
  }
  return steps.length;
}
