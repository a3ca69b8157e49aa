import { dateInAmsterdam, type Instant } from '../calendar';
import {
  CIZ,
  PLATFORM,
  TOESLAGEN,
  householdOrganisation,
  isSupporterRole,
  takesProcessSteps,
  type Actor,
  type PartyRef,
} from '../parties';
import { text, type Text } from '../text';
import type { CaseCommand, CaseCommandType } from './commands';
import { claimantMayApply, expiredMandateOf, isHouseholdParty, mayUseMandate } from './mandate';
import type { CaseState, CaseStatus } from './state';

export type Permission = { allowed: true } | { allowed: false; reason: Text };

const allowed: Permission = { allowed: true };
const deny = (nl: string, en: string): Permission => ({ allowed: false, reason: text(nl, en) });

const officerCommands: readonly CaseCommandType[] = [
  'OpenReferral',
  'OfferCase',
  'ExtendSmi',
  'EndSmi',
  'ReinstateSmi',
  'AcceptFundingGap',
];
const claimantCommands: readonly CaseCommandType[] = [
  'RecordMandate',
  'RequestKot',
  'SubmitCizDecisionCopy',
  'SubmitApplication',
  'FileObjection',
  'FileAppeal',
];
/**
 * Acting towards Toeslagen or the court on the family's behalf, sending documents included, needs
 * a mandate that allows applying, used by the person it was given to.
 */
const applyingCommands: readonly CaseCommandType[] = [
  'RequestKot',
  'SubmitCizDecisionCopy',
  'SubmitApplication',
  'FileObjection',
  'FileAppeal',
];
/**
 * Toeslagen's desk (the Belcentrum) checks the Wlz-indication during the call in its real-time view
 * of CIZ's data (seed 000, steps 8/9): it confirms it, or records that it is not there.
 */
const toeslagenCommands: readonly CaseCommandType[] = [
  'RegisterWlzRequest',
  'ConfirmWlzIndication',
  'ReportWlzIndicationNotFound',
  'SendApplicationForms',
  'RecordApplicationReceived',
  'GrantKot',
  'RejectKot',
  'ChangeKot',
  'StopKot',
  'DecideObjection',
  'RecordCourtRuling',
  'RecordChangeProcessed',
  'SettleKot',
];
/** CIZ's one part in a case: re-assessing a temporary indication on which a granted KOT rests. */
const cizCommands: readonly CaseCommandType[] = ['ReassessWlzIndication'];

const isOfficerOf = (actor: Actor, municipality: string) =>
  actor.role === 'smi-officer' && actor.organisation === municipality;

const isTeamLeadOf = (actor: Actor, municipality: string) =>
  actor.role === 'smi-team-lead' && actor.organisation === municipality;

const isHouseholdOf = (actor: Actor, state: CaseState) => isHouseholdParty(actor, state.caseId);

/** Every professional who meets families may signal one: not the family, nor who only looks. */
export const signalsFamilies = (actor: Actor) =>
  takesProcessSteps(actor.role) && actor.role !== 'household';

const isSignalledBy = (actor: Actor, state: Pick<CaseState, 'signalledBy'>) =>
  state.signalledBy !== null &&
  state.signalledBy.organisation === actor.organisation &&
  state.signalledBy.role === actor.role;

/**
 * The claim belongs to an office: a colleague may stand in for the person who claimed where no
 * mandate is needed (the check, giving the case back, recording their own mandate). Acting for the
 * family also needs the mandate, and a personal mandate only its own holder may use.
 */
const holdsClaim = (actor: Actor, state: CaseState) =>
  state.claim !== null &&
  state.claim.by.organisation === actor.organisation &&
  state.claim.by.role === actor.role;

const actsForFamily = (actor: Actor, state: CaseState, now: Instant) =>
  holdsClaim(actor, state) &&
  claimantMayApply(state, dateInAmsterdam(now)) &&
  mayUseMandate(actor, state);

/** Why this claimant may not act for the family now: the expiry, the person, or no mandate. */
function whyNotForFamily(actor: Actor, state: CaseState, now: Instant): Permission {
  const expired = expiredMandateOf(state, dateInAmsterdam(now));
  if (expired !== null) {
    return deny(
      `De machtiging is verlopen op ${expired}: namens het gezin handelen en stukken sturen kan niet meer. De stap ligt nu bij de SMI-consulent; leg een nieuwe machtiging vast of geef de zaak terug.`,
      `The mandate expired on ${expired}: acting and sending documents for the family is no longer possible. The step is now with the SMI officer; record a new mandate or release the case.`,
    );
  }
  if (claimantMayApply(state, dateInAmsterdam(now)) && !mayUseMandate(actor, state)) {
    const holder = state.claim?.by.name ?? 'een collega';
    return deny(
      `De machtiging is persoonlijk gegeven aan ${holder}; een collega van hetzelfde kantoor kan haar niet gebruiken. Leg uw eigen machtiging vast om de zaak over te nemen.`,
      `The mandate was given personally to ${holder === 'een collega' ? 'a colleague' : holder}; a colleague of the same office cannot use it. Record your own mandate to take the case over.`,
    );
  }
  return deny(
    'U heeft geen geldige machtiging om namens het gezin aan te vragen; u kunt wel signaleren. Leg eerst een machtiging vast.',
    'You have no valid mandate to apply on behalf of the household; you can only signal. Record a mandate first.',
  );
}

const isOfferedTo = (actor: Actor, offer: PartyRef) =>
  offer.organisation === actor.organisation &&
  offer.role === actor.role &&
  (offer.personId === undefined || offer.personId === actor.id);

/** The open stages at or after Toeslagen's first step. */
const toeslagenStages: readonly CaseStatus[] = [
  'requested',
  'indication-check',
  'indication-missing',
  'forms-pending',
  'forms-sent',
  'application-submitted',
  'awaiting-decision',
  'granted',
  'rejected',
  'objection',
  'appeal',
  'kot-stopped',
];

/**
 * Whether the case reached Toeslagen or CIZ: what `mayView` shows them (`caseAccessOf`). For
 * Toeslagen the stage says the same for an open case, and is all a state rebuilt from a case view
 * (the portal's) has. CIZ only has a part once a temporary indication is on record: re-assessing it.
 */
function hasReached(desk: 'toeslagen' | 'ciz', state: CaseState): boolean {
  const access = caseAccessOf(state);
  return desk === 'toeslagen'
    ? access.toeslagenInvolved || toeslagenStages.includes(state.status)
    : access.cizInvolved;
}

/** May this actor send this command on a case in this state? Pure; the services call it first. */
export function may(
  actor: Actor,
  command: CaseCommand,
  state: CaseState,
  now: Instant,
): Permission {
  if (actor.role === 'auditor')
    return deny('Auditors kunnen niets wijzigen.', 'Auditors cannot change anything.');
  const municipality =
    command.type === 'OpenReferral' || command.type === 'SignalFamily'
      ? command.municipality
      : state.municipality;
  if (command.type === 'ErasePersonalData') return mayErase(actor, command.ground, municipality);
  if (actor.role === 'privacy-officer')
    return deny(
      'Een functionaris gegevensbescherming kan alleen persoonsgegevens wissen.',
      'A privacy officer can only erase personal data.',
    );

  if (officerCommands.includes(command.type)) {
    return isOfficerOf(actor, municipality)
      ? allowed
      : deny(
          `Alleen een SMI-consulent van gemeente ${municipality} mag dit doen.`,
          `Only an SMI officer of municipality ${municipality} may do this.`,
        );
  }
  if (toeslagenCommands.includes(command.type)) {
    if (actor.role !== 'toeslagen-officer' || actor.organisation !== TOESLAGEN) {
      return deny(
        'Alleen Dienst Toeslagen legt deze stap vast.',
        'Only Dienst Toeslagen records this step.',
      );
    }
    // The call that brings a claimed case to the desk: it counts as a request only from someone
    // who may apply for the family.
    if (command.type === 'RegisterWlzRequest' && state.status === 'claimed') {
      return claimantMayApply(state, dateInAmsterdam(now))
        ? allowed
        : deny(
            'Wie deze zaak heeft, mag namens het gezin alleen signaleren, niet aanvragen. Registreer het verzoek pas als het gezin zelf of een gemachtigde het aanvraagt.',
            'Whoever holds this case may only signal for the family, not apply. Register the request once the household itself or someone with a mandate applies.',
          );
    }
    return hasReached('toeslagen', state)
      ? allowed
      : deny(
          'Deze zaak is (nog) niet bij Dienst Toeslagen aangevraagd.',
          'This case has not (yet) been brought to Dienst Toeslagen.',
        );
  }
  if (cizCommands.includes(command.type)) {
    if (actor.role !== 'ciz-assessor' || actor.organisation !== CIZ) {
      return deny(
        'Alleen CIZ beoordeelt een tijdelijke Wlz-indicatie opnieuw.',
        'Only CIZ re-assesses a temporary Wlz-indication.',
      );
    }
    return hasReached('ciz', state)
      ? allowed
      : deny(
          'Bij deze zaak staat geen tijdelijke Wlz-indicatie die CIZ opnieuw moet beoordelen.',
          'This case holds no temporary Wlz-indication for CIZ to re-assess.',
        );
  }
  switch (command.type) {
    case 'RecordHouseholdChange':
    case 'CorrectIndicatedPartner':
      // Whoever knows the family may record what changed or was wrong: it is a fact, not a claim.
      return isOfficerOf(actor, municipality) ||
        holdsClaim(actor, state) ||
        isHouseholdOf(actor, state)
        ? allowed
        : deny(
            'Alleen de gemeente, de ondersteuner van de zaak of het gezin zelf mag dit vastleggen.',
            "Only the municipality, the case's supporter or the household may record this.",
          );
    case 'PassChangeToToeslagen':
      // Passing a change on acts for the family towards Toeslagen, like applying does: the
      // claimant hears the same why-not (expiry, another person's mandate) as for applying.
      if (isHouseholdOf(actor, state) || actsForFamily(actor, state, now)) return allowed;
      return holdsClaim(actor, state)
        ? whyNotForFamily(actor, state, now)
        : deny(
            'Alleen het gezin zelf of een ondersteuner die namens het gezin mag aanvragen, mag een wijziging aan Dienst Toeslagen doorgeven.',
            'Only the household itself or a supporter who may apply for the family may pass a change to Dienst Toeslagen.',
          );
    case 'SignalFamily':
      return signalsFamilies(actor)
        ? allowed
        : deny(
            'Alleen een professional (gemeente, ondersteuner, wijkteam, Toeslagen of CIZ) kan een gezin signaleren.',
            'Only a professional (municipality, supporter, district team, Toeslagen or CIZ) can signal a family.',
          );
    case 'CheckEligibility':
      // Whoever sees the case and takes part in the process may run the check and read it back.
      return isHouseholdOf(actor, state) ||
        (takesProcessSteps(actor.role) && mayView(actor, caseAccessOf(state)) !== 'none')
        ? allowed
        : deny(
            'Alleen wie de zaak kan zien en er een stap in zet, mag de check doen.',
            'Only whoever can see the case and takes a step in it may run the check.',
          );
    case 'DeclineOffer':
      return state.offer && isOfferedTo(actor, state.offer.to)
        ? allowed
        : deny('Deze zaak is niet aan u aangeboden.', 'This case was not offered to you.');
    case 'ClaimCase':
      if (isHouseholdOf(actor, state)) return allowed;
      // The supporter who signalled the family may take it up without an offer.
      if (isSupporterRole(actor.role) && isSignalledBy(actor, state)) return allowed;
      if (!isSupporterRole(actor.role)) {
        return deny(
          'Alleen een ondersteuner of het gezin zelf kan een zaak oppakken.',
          'Only a supporter or the household itself can take on a case.',
        );
      }
      return state.offer && isOfferedTo(actor, state.offer.to)
        ? allowed
        : deny(
            'Deze zaak is niet aan u aangeboden; vraag de SMI-consulent om de zaak aan u aan te bieden.',
            'This case was not offered to you; ask the SMI officer to offer it to you.',
          );
    case 'ConfirmDecisionReceived':
      // Whoever holds the case says the letter reached them; the household says it for itself.
      return holdsClaim(actor, state) || isHouseholdOf(actor, state)
        ? allowed
        : deny(
            'Alleen het gezin of wie de zaak heeft opgepakt, bevestigt dat het besluit is aangekomen.',
            'Only the household or whoever took on the case confirms that the decision arrived.',
          );
    case 'CloseCase':
    case 'WithdrawCase':
      // Ending a case decides for the family: only who may act for it may do so.
      return isOfficerOf(actor, municipality) ||
        isHouseholdOf(actor, state) ||
        actsForFamily(actor, state, now)
        ? allowed
        : deny(
            'Alleen de gemeente, het gezin zelf of een ondersteuner die namens het gezin mag aanvragen, mag de zaak sluiten of intrekken. Wie alleen mag signaleren, vraagt dat aan de SMI-consulent.',
            'Only the municipality, the household itself or a supporter who may apply for the family may close or withdraw the case. Whoever may only signal asks the SMI officer.',
          );
    case 'ReleaseClaim':
      // The referring municipality can take a case back from a claimant who went silent.
      return holdsClaim(actor, state) ||
        isOfficerOf(actor, municipality) ||
        isTeamLeadOf(actor, municipality)
        ? allowed
        : deny(
            'Alleen wie de zaak heeft opgepakt, of de SMI-consulent of teamleider van de gemeente, mag de zaak teruggeven.',
            "Only whoever took on the case, or the municipality's SMI officer or team lead, may release it.",
          );
  }
  if (claimantCommands.includes(command.type)) {
    if (!holdsClaim(actor, state)) {
      return deny(
        'Alleen wie de zaak heeft opgepakt, mag deze stap zetten.',
        'Only whoever took on the case may take this step.',
      );
    }
    if (applyingCommands.includes(command.type) && !actsForFamily(actor, state, now)) {
      return whyNotForFamily(actor, state, now);
    }
    return allowed;
  }
  return deny('Deze actie is niet toegestaan.', 'This action is not allowed.');
}

/**
 * Erasing is for the privacy officer of the municipality that referred the family (it is the
 * controller of the case), on any ground; the platform's own privacy officer only erases when the
 * retention period ended, so the platform never erases a case on a ground only the controller
 * can weigh.
 */
function mayErase(actor: Actor, ground: string, municipality: string): Permission {
  if (actor.role === 'privacy-officer' && actor.organisation === municipality) return allowed;
  if (
    actor.role === 'privacy-officer' &&
    actor.organisation === PLATFORM &&
    ground === 'retention-period-ended'
  )
    return allowed;
  return deny(
    `Alleen de functionaris gegevensbescherming van gemeente ${municipality} mag de persoonsgegevens van deze zaak wissen.`,
    `Only the privacy officer of municipality ${municipality} may erase the personal data of this case.`,
  );
}

/** What `mayView` needs to know about a case: who it belongs to and who is involved. */
export interface CaseAccess {
  caseId: string;
  municipality: string;
  offeredTo: PartyRef | null;
  claimedBy: PartyRef | null;
  /** Who signalled the family (a case that came in without an SMI referral); absent in old rows. */
  signalledBy?: PartyRef | null;
  /**
   * The case reached Toeslagen (a KOT request), or CIZ has a part in it: a temporary indication on
   * record that it re-assesses. Toeslagen itself checks the indication in its view of CIZ's data.
   */
  toeslagenInvolved: boolean;
  cizInvolved: boolean;
}

export const caseAccessOf = (state: CaseState): CaseAccess => ({
  caseId: state.caseId,
  municipality: state.municipality,
  offeredTo: state.offer?.to ?? null,
  claimedBy: state.claim?.by ?? null,
  signalledBy: state.signalledBy,
  toeslagenInvolved: state.request !== null || state.wlzRequestRegisteredOn !== null,
  cizInvolved: state.indication?.kind === 'temporary',
});

export type ViewLevel = 'none' | 'summary' | 'personal';

/**
 * How much of a case an actor may see: `personal` includes names and BSNs, `summary` only the
 * process (an organisation that was offered the case sees it, but not who the family is, until it
 * claims the case).
 */
export function mayView(actor: Actor, access: CaseAccess): ViewLevel {
  const level = viewByRole(actor, access);
  // Whoever signalled the family follows what became of the signal, not who the family is.
  const signaller =
    access.signalledBy?.organisation === actor.organisation &&
    access.signalledBy.role === actor.role;
  return level === 'none' && signaller ? 'summary' : level;
}

function viewByRole(actor: Actor, access: CaseAccess): ViewLevel {
  switch (actor.role) {
    case 'auditor':
      return 'personal';
    case 'smi-officer':
    case 'smi-team-lead':
      return actor.organisation === access.municipality ? 'personal' : 'none';
    case 'household':
      return actor.organisation === householdOrganisation(access.caseId) ? 'personal' : 'none';
    case 'toeslagen-officer':
    case 'toeslagen-team-lead':
      return access.toeslagenInvolved && actor.organisation === TOESLAGEN ? 'personal' : 'none';
    case 'ciz-assessor':
    case 'ciz-team-lead':
      return access.cizInvolved && actor.organisation === CIZ ? 'personal' : 'none';
    case 'privacy-officer':
      // Finding the case to erase needs the process, not who the family is.
      return actor.organisation === access.municipality ? 'summary' : 'none';
    default:
      if (
        access.claimedBy?.organisation === actor.organisation &&
        access.claimedBy.role === actor.role
      ) {
        return 'personal';
      }
      if (access.offeredTo && isOfferedTo(actor, access.offeredTo)) return 'summary';
      return 'none';
  }
}
