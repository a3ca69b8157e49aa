// The road every family in the stories travels first: from the SMI officer's referral to Dienst
// Toeslagen registering the application, each step with who takes it, through which door, and who
// must see the case on their worklist afterwards.
import type { CaseCommandType } from '@kot/domain';
import { courtBewind, horizonOffice, kotStart, type Family } from './families';
import type { Caller, CommandAnswer, OverHttp } from './overHttp';
import { forTheBewindvoerder, forTheMunicipality, forToeslagen } from './worklists';

export interface Step {
  who: Caller;
  command: CaseCommandType;
  input: Record<string, unknown>;
  over?: 'rest';
  /** Who sees the case on their worklist afterwards, with what and by when. */
  seenBy: Record<string, string[]>;
}

/** From the referral to the application received, as in the domain's `toApplication`. */
export const toApplication = ({ caseId, referral, applyAnywayReason }: Family): Step[] => [
  {
    who: 'smi-officer-utrecht',
    command: 'OpenReferral',
    input: referral,
    seenBy: forTheMunicipality('offer-to-supporter', 7),
  },
  {
    who: 'smi-officer-utrecht',
    command: 'OfferCase',
    input: { caseId, to: horizonOffice },
    // The officer still owns the case until it is claimed; the office sees the offer.
    seenBy: {
      ...forTheMunicipality('get-case-claimed', 10),
      ...forTheBewindvoerder('claim-or-decline-offer', 10, 'offered'),
    },
  },
  {
    who: 'bewindvoerder',
    command: 'ClaimCase',
    input: { caseId, mandate: courtBewind },
    seenBy: forTheBewindvoerder('request-kot', 7),
  },
  {
    who: 'bewindvoerder',
    command: 'RequestKot',
    input: { caseId, channel: 'PHONE', ...(applyAnywayReason ? { applyAnywayReason } : {}) },
    seenBy: forToeslagen('register-wlz-request', 5),
  },
  {
    who: 'toeslagen-officer',
    command: 'RegisterWlzRequest',
    input: { caseId },
    over: 'rest',
    seenBy: forToeslagen('confirm-indication', 5),
  },
  {
    who: 'toeslagen-officer',
    command: 'ConfirmWlzIndication',
    input: { caseId, partnerId: 'p1', kind: 'permanent', validFrom: '2019-06-01' },
    over: 'rest',
    seenBy: forToeslagen('send-forms', 5),
  },
  {
    who: 'toeslagen-officer',
    command: 'SendApplicationForms',
    input: { caseId },
    over: 'rest',
    seenBy: forTheBewindvoerder('return-forms', 14),
  },
  {
    who: 'bewindvoerder',
    command: 'SubmitApplication',
    input: { caseId, requestedStart: kotStart, signedByBothPartners: true },
    seenBy: forToeslagen('register-receipt', 7),
  },
  {
    who: 'toeslagen-officer',
    command: 'RecordApplicationReceived',
    input: { caseId },
    over: 'rest',
    seenBy: forToeslagen('decide-application', 35),
  },
];

/** Carries out the road up to and including `last` (no worklist checks): a case at that stage. */
export async function bringTo(
  http: OverHttp,
  f: Family,
  last: CaseCommandType,
): Promise<CommandAnswer> {
  const steps = toApplication(f);
  const until = steps.findIndex((step) => step.command === last);
  if (until < 0) throw new Error(`${last} is not on the road to the application`);
  let answer: CommandAnswer | undefined;
  for (const step of steps.slice(0, until + 1)) {
    answer = await http.carryOut(step.who, step.command, step.input, step.over);
  }
  return answer as CommandAnswer;
}
