// The domain's codes in the words a caseworker uses, for sentences the domain itself writes
// (refusals, steps). Screens may keep their own labels; these are the domain's.
import { text, type Text } from '../text';
import type {
  ClosingOutcome,
  ErasureGround,
  LetterChannel,
  RejectionReason,
  SettlementOutcome,
} from './events';
import type { HouseholdChangeKind } from './householdChanges';
import type { CareType, IndicationKind, WorkStatus } from './household';
import type { MandateType } from './mandate';
import type { CaseStatus } from './state';

export const statusNames: Record<CaseStatus, Text> = {
  new: text('nog niet aangemaakt', 'not yet opened'),
  referred: text('doorverwezen, nog niet opgepakt', 'referred, not yet taken on'),
  claimed: text('opgepakt door een ondersteuner', 'taken on by a supporter'),
  requested: text('aangevraagd bij de BelastingTelefoon', 'requested at BelastingTelefoon'),
  'indication-check': text(
    'Toeslagen zoekt de Wlz-indicatie op bij CIZ',
    "Toeslagen looks the indication up in CIZ's data",
  ),
  'indication-missing': text(
    'wacht op een kopie van het CIZ-besluit',
    "waiting for a copy of CIZ's decision",
  ),
  'forms-pending': text(
    'wacht op de formulieren van Toeslagen',
    'waiting for the forms from Toeslagen',
  ),
  'forms-sent': text('formulieren verstuurd aan het gezin', 'forms sent to the family'),
  'application-submitted': text('aanvraag verstuurd', 'application sent'),
  'awaiting-decision': text(
    'wacht op het besluit van Toeslagen',
    'waiting for the decision of Toeslagen',
  ),
  granted: text('kinderopvangtoeslag toegekend', 'childcare allowance granted'),
  rejected: text('kinderopvangtoeslag afgewezen', 'childcare allowance rejected'),
  objection: text('bezwaar loopt', 'objection pending'),
  appeal: text('beroep bij de rechtbank loopt', 'appeal pending at the court'),
  'kot-stopped': text('kinderopvangtoeslag gestopt', 'childcare allowance stopped'),
  closed: text('gesloten', 'closed'),
  withdrawn: text('ingetrokken', 'withdrawn'),
};

export const mandateTypeNames: Record<MandateType, Text> = {
  'court-bewind': text('beschermingsbewind (rechtbank)', 'protective administration (court)'),
  'court-curatele': text('curatele (rechtbank)', 'guardianship (court)'),
  'court-mentorschap': text('mentorschap (rechtbank)', 'mentorship (court)'),
  'digid-machtiging': text('DigiD-machtiging', 'DigiD mandate'),
  'written-volmacht': text('schriftelijke volmacht', 'written power of attorney'),
  none: text('geen machtiging (alleen signaleren)', 'no mandate (may only signal)'),
};

export const courtOutcomeNames: Record<'upheld' | 'dismissed', Text> = {
  upheld: text('beroep gegrond', 'appeal upheld'),
  dismissed: text('beroep ongegrond', 'appeal dismissed'),
};

export const letterChannelNames: Record<LetterChannel, Text> = {
  berichtenbox: text('Berichtenbox van MijnOverheid', 'MijnOverheid Berichtenbox'),
  post: text('per post', 'by post'),
};

export const workStatusNames: Record<WorkStatus, Text> = {
  employed: text('werkt in loondienst', 'employed'),
  'self-employed': text('werkt als zelfstandige', 'self-employed'),
  'route-to-work': text('volgt een traject naar werk', 'follows a route to work'),
  volunteering: text('vrijwilligerswerk', 'volunteering'),
  'day-activities': text('dagbesteding', 'day activities'),
  none: text('werkt niet', 'does not work'),
  unknown: text('onbekend', 'unknown'),
};

export const careTypeNames: Record<CareType, Text> = {
  daycare: text('kinderdagverblijf', 'day care'),
  'out-of-school-care': text('buitenschoolse opvang', 'out-of-school care'),
  childminder: text('gastouderopvang', 'childminder'),
};

export const indicationKindNames: Record<IndicationKind, Text> = {
  permanent: text('permanent', 'permanent'),
  temporary: text('tijdelijk', 'temporary'),
};

export const reassessmentOutcomeNames: Record<'extended' | 'ends', Text> = {
  extended: text('verlengd', 'extended'),
  ends: text('loopt af', 'ends'),
};

export const requestChannelNames: Record<'phone' | 'letter', Text> = {
  phone: text('telefonisch (BelastingTelefoon)', 'by phone (BelastingTelefoon)'),
  letter: text('per brief', 'by letter'),
};

export const rejectionReasonNames: Record<RejectionReason, Text> = {
  'no-permanent-indication': text('geen permanente Wlz-indicatie', 'no permanent Wlz-indication'),
  'single-parent': text('alleenstaande ouder', 'single parent'),
  'both-partners-indicated': text(
    'beide partners hebben een Wlz-indicatie',
    'both partners have a Wlz-indication',
  ),
  'partner-not-working': text('de partner werkt niet', 'the partner does not work'),
  'childcare-not-registered': text(
    'de opvang staat niet in het LRK',
    'the childcare is not registered in the LRK',
  ),
  'application-incomplete': text('aanvraag onvolledig', 'application incomplete'),
  other: text('andere reden', 'another reason'),
};

export const closingOutcomeNames: Record<ClosingOutcome, Text> = {
  'kot-granted': text('toeslag toegekend', 'KOT granted'),
  'stays-on-smi': text('blijft op SMI', 'stays on SMI'),
  'not-eligible': text('geen recht', 'not eligible'),
  'family-declined': text('gezin ziet af', 'family declined'),
  'no-longer-needed': text('niet meer nodig', 'no longer needed'),
};

export const erasureGroundNames: Record<ErasureGround, Text> = {
  'request-of-data-subject': text('verzoek van de betrokkene', 'request of the data subject'),
  'retention-period-ended': text('bewaartermijn verstreken', 'retention period ended'),
  'unlawfully-processed': text('onrechtmatig verwerkt', 'unlawfully processed'),
  'legal-obligation': text('wettelijke verplichting', 'legal obligation'),
};

export const householdChangeKindNames: Record<HouseholdChangeKind, Text> = {
  'partner-work': text('werk van een partner', "a partner's work"),
  separation: text('scheiding', 'separation'),
  'child-added': text('een kind erbij', 'a child added'),
  childcare: text(
    'kinderopvang (locatie, uren of uurtarief)',
    'childcare (location, hours or rate)',
  ),
  'childcare-ended': text('kinderopvang gestopt', 'childcare ended'),
  'indication-changed': text(
    'Wlz-indicatie verlengd of gewijzigd',
    'Wlz-indication extended or changed',
  ),
  'indication-ended': text('Wlz-indicatie beëindigd', 'Wlz-indication ended'),
};

export const settlementOutcomeNames: Record<SettlementOutcome, Text> = {
  'additional-payment': text('nabetaling', 'additional payment'),
  reclaim: text('terugvordering', 'reclaim'),
  'no-difference': text('geen verschil', 'no difference'),
};

/** "a, b of c" / "a, b or c": the options of a choice, in words. */
export function listOfChoices(names: Record<string, Text>): Text {
  const all = Object.values(names);
  const join = (words: string[], or: string) =>
    words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${or} ${words.at(-1)}`;
  return text(
    join(
      all.map((name) => name.nl),
      'of',
    ),
    join(
      all.map((name) => name.en),
      'or',
    ),
  );
}
