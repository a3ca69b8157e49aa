// The domain's codes in the words caseworkers use, in Dutch and English. The domain speaks in
// codes (`indication-check`, `court-bewind`); people should never see those.
import {
  text,
  type CaseEventType,
  type CaseStatus,
  type CareType,
  type ClosingOutcome,
  type ErasureGround,
  type MandateType,
  type RejectionReason,
  type Role,
  type StepAction,
  type Text,
  type WorkStatus,
} from '@kot/domain';

export const statusNames: Record<CaseStatus, Text> = {
  new: text('Nieuw', 'New'),
  referred: text('Doorverwezen, nog niet opgepakt', 'Referred, not yet taken on'),
  claimed: text('Opgepakt door ondersteuner', 'Taken on by a supporter'),
  requested: text('Aangevraagd bij Toeslagen', 'Requested at Toeslagen'),
  'indication-check': text('Wacht op CIZ', 'Waiting for CIZ'),
  'indication-missing': text('Indicatie niet gevonden', 'Indication not found'),
  'forms-pending': text('Wacht op formulieren', 'Waiting for forms'),
  'forms-sent': text('Formulieren bij het gezin', 'Forms with the family'),
  'application-submitted': text('Aanvraag verstuurd', 'Application sent'),
  'awaiting-decision': text('Wacht op besluit', 'Awaiting decision'),
  granted: text('Toegekend', 'Granted'),
  rejected: text('Afgewezen', 'Rejected'),
  objection: text('Bezwaar loopt', 'Objection pending'),
  appeal: text('Beroep bij de rechtbank loopt', 'Appeal pending at the court'),
  'kot-stopped': text('Toeslag gestopt', 'Allowance stopped'),
  closed: text('Gesloten', 'Closed'),
  withdrawn: text('Ingetrokken', 'Withdrawn'),
};

export const roleNames: Record<Role, Text> = {
  'smi-officer': text('SMI-consulent', 'SMI officer'),
  'smi-team-lead': text('Teamleider SMI', 'SMI team lead'),
  bewindvoerder: text('Bewindvoerder', 'Bewindvoerder (financial administrator)'),
  'client-supporter': text('Cliëntondersteuner', 'Client supporter'),
  'care-broker': text('Mantelzorgmakelaar', 'Care broker'),
  mentor: text('Mentor', 'Mentor'),
  'budget-coach': text('Budgetcoach', 'Budget coach'),
  household: text('Gezin', 'Household'),
  'ciz-assessor': text('Medewerker CIZ', 'CIZ assessor'),
  'ciz-team-lead': text('Teamleider CIZ', 'CIZ team lead'),
  'toeslagen-officer': text('Medewerker Dienst Toeslagen', 'Dienst Toeslagen officer'),
  'toeslagen-team-lead': text('Teamleider Dienst Toeslagen', 'Dienst Toeslagen team lead'),
  auditor: text('Auditor', 'Auditor'),
  'platform-admin': text('Beheerder platform', 'Platform administrator'),
  'privacy-officer': text('Functionaris gegevensbescherming', 'Privacy officer'),
};

export const stepActionNames: Record<StepAction, Text> = {
  'offer-to-supporter': text('Aanbieden aan ondersteuner', 'Offer to a supporter'),
  'claim-or-decline-offer': text('Oppakken of afwijzen', 'Take on or decline'),
  'get-case-claimed': text('Zorgen dat de zaak wordt opgepakt', 'Get the case taken on'),
  'arrange-mandate': text('Machtiging regelen', 'Arrange a mandate'),
  'request-kot': text('Kinderopvangtoeslag aanvragen', 'Request the childcare allowance'),
  'register-wlz-request': text('Wlz-verzoek registreren', 'Register the Wlz request'),
  'confirm-indication': text('Wlz-indicatie bevestigen', 'Confirm the Wlz-indication'),
  'send-ciz-decision': text('Kopie CIZ-besluit sturen', "Send a copy of CIZ's decision"),
  'send-forms': text('Formulieren versturen', 'Send the forms'),
  'return-forms': text('Formulieren terugsturen', 'Return the forms'),
  'register-receipt': text('Ontvangst registreren', 'Register receipt'),
  'decide-application': text('Beslissen op de aanvraag', 'Decide on the application'),
  'align-smi': text('SMI laten aansluiten', 'Align SMI'),
  aftercare: text('Nazorg', 'Aftercare'),
  'continue-smi': text('SMI voortzetten', 'Continue SMI'),
  'decide-objection': text('Beslissen op bezwaar', 'Decide on the objection'),
  'secure-funding': text('Financiering veiligstellen', 'Secure funding'),
  'reapply-or-object': text('Opnieuw aanvragen of bezwaar maken', 'Apply again or object'),
  'confirm-decision-received': text(
    'Bevestigen dat het besluit is aangekomen',
    'Confirm the decision arrived',
  ),
  'appeal-or-reapply': text('In beroep gaan of opnieuw aanvragen', 'Appeal or apply again'),
  'record-court-ruling': text('Uitspraak van de rechtbank vastleggen', "Record the court's ruling"),
  'decide-with-family': text('Met het gezin beslissen', 'Decide with the family'),
  'reassess-indication': text('Wlz-indicatie herbeoordelen', 'Re-assess the Wlz-indication'),
  'pass-change-to-toeslagen': text(
    'Wijziging doorgeven aan Toeslagen',
    'Pass the change to Toeslagen',
  ),
  'process-change': text('Wijziging verwerken', 'Process the change'),
  'check-correction': text('Correctie controleren', 'Check the correction'),
  'settle-kot': text('Toeslag definitief vaststellen', 'Settle the allowance'),
};

export const workStatusNames: Record<WorkStatus, Text> = {
  employed: text('Werkt in loondienst', 'Employed'),
  'self-employed': text('Werkt als zelfstandige', 'Self-employed'),
  'route-to-work': text('Volgt een traject naar werk', 'Follows a route to work'),
  volunteering: text('Vrijwilligerswerk', 'Volunteering'),
  'day-activities': text('Dagbesteding', 'Day activities'),
  none: text('Werkt niet', 'Does not work'),
  unknown: text('Onbekend', 'Unknown'),
};

export const careTypeNames: Record<CareType, Text> = {
  daycare: text('Dagopvang', 'Day care'),
  'out-of-school-care': text('Buitenschoolse opvang', 'Out-of-school care'),
  childminder: text('Gastouderopvang', 'Childminder'),
};

export const mandateTypeNames: Record<MandateType, Text> = {
  'court-bewind': text('Beschermingsbewind (rechtbank)', 'Court-ordered administration (bewind)'),
  'court-curatele': text('Curatele (rechtbank)', 'Guardianship (curatele)'),
  'court-mentorschap': text('Mentorschap (rechtbank)', 'Mentorship (mentorschap)'),
  'digid-machtiging': text('DigiD-machtiging', 'DigiD mandate'),
  'written-volmacht': text('Schriftelijke volmacht', 'Written power of attorney'),
  none: text('Geen machtiging (alleen signaleren)', 'No mandate (can only signal)'),
};

export const rejectionReasonNames: Record<RejectionReason, Text> = {
  'no-permanent-indication': text('Geen (geldige) Wlz-indicatie', 'No (valid) Wlz-indication'),
  'single-parent': text('Alleenstaande ouder', 'Single parent'),
  'both-partners-indicated': text('Beide partners geïndiceerd', 'Both partners indicated'),
  'partner-not-working': text('Partner werkt niet', 'Partner does not work'),
  'childcare-not-registered': text('Opvang niet geregistreerd (LRK)', 'Childcare not registered'),
  'application-incomplete': text('Aanvraag onvolledig', 'Application incomplete'),
  other: text('Andere reden', 'Other reason'),
};

export const closingOutcomeNames: Record<ClosingOutcome, Text> = {
  'kot-granted': text('Kinderopvangtoeslag toegekend', 'Childcare allowance granted'),
  'stays-on-smi': text('Blijft op SMI', 'Stays on SMI'),
  'not-eligible': text('Geen recht', 'Not eligible'),
  'family-declined': text('Gezin ziet ervan af', 'Family declined'),
  'no-longer-needed': text('Niet meer nodig', 'No longer needed'),
};

export const erasureGroundNames: Record<ErasureGround, Text> = {
  'request-of-data-subject': text('Verzoek van de betrokkene', 'Request of the data subject'),
  'retention-period-ended': text('Bewaartermijn verstreken', 'Retention period ended'),
  'unlawfully-processed': text('Onrechtmatig verwerkt', 'Unlawfully processed'),
  'legal-obligation': text('Wettelijke verplichting', 'Legal obligation'),
};

export const indicationKindNames: Record<string, Text> = {
  permanent: text('Permanent', 'Permanent'),
  temporary: text('Tijdelijk', 'Temporary'),
  unknown: text('Soort onbekend', 'Kind unknown'),
};

export const eventNames: Record<CaseEventType, Text> = {
  ReferralOpened: text('Doorverwijzing geopend', 'Referral opened'),
  FamilySignalled: text('Gezin gesignaleerd (zonder SMI)', 'Family signalled (without SMI)'),
  EligibilityChecked: text('Recht gecontroleerd', 'Eligibility checked'),
  CaseOffered: text('Zaak aangeboden', 'Case offered'),
  OfferDeclined: text('Aanbod afgewezen', 'Offer declined'),
  CaseClaimed: text('Zaak opgepakt', 'Case taken on'),
  MandateRecorded: text('Machtiging vastgelegd', 'Mandate recorded'),
  ClaimReleased: text('Zaak teruggegeven', 'Case released'),
  KotRequested: text('Kinderopvangtoeslag aangevraagd', 'Allowance requested'),
  WlzRequestRegistered: text('Wlz-verzoek geregistreerd', 'Wlz request registered'),
  WlzIndicationConfirmed: text('Wlz-indicatie bevestigd', 'Wlz-indication confirmed'),
  WlzIndicationNotFound: text('Wlz-indicatie niet gevonden', 'Wlz-indication not found'),
  CizDecisionCopySubmitted: text('Kopie CIZ-besluit ingediend', "Copy of CIZ's decision sent"),
  WlzIndicationReassessed: text('Wlz-indicatie herbeoordeeld', 'Wlz-indication re-assessed'),
  ApplicationFormsSent: text('Formulieren verstuurd', 'Forms sent'),
  ApplicationSubmitted: text('Aanvraag ingediend', 'Application submitted'),
  ApplicationReceived: text('Aanvraag ontvangen', 'Application received'),
  KotGranted: text('Kinderopvangtoeslag toegekend', 'Allowance granted'),
  KotRejected: text('Kinderopvangtoeslag afgewezen', 'Allowance rejected'),
  KotChanged: text('Kinderopvangtoeslag gewijzigd', 'Allowance changed'),
  KotStopped: text('Kinderopvangtoeslag gestopt', 'Allowance stopped'),
  ObjectionFiled: text('Bezwaar ingediend', 'Objection filed'),
  ObjectionDecided: text('Beslissing op bezwaar', 'Objection decided'),
  AppealFiled: text('Beroep ingesteld', 'Appeal filed'),
  CourtRuled: text('Uitspraak rechtbank', 'Court ruled'),
  DecisionReceiptConfirmed: text('Besluit aangekomen', 'Decision letter arrived'),
  SmiExtended: text('SMI verlengd', 'SMI extended'),
  SmiEnded: text('SMI beëindigd', 'SMI ended'),
  SmiReinstated: text('SMI opnieuw toegekend', 'SMI reinstated'),
  FundingGapAccepted: text('Gat in financiering geaccepteerd', 'Funding gap accepted'),
  CaseClosed: text('Zaak gesloten', 'Case closed'),
  CaseWithdrawn: text('Zaak ingetrokken', 'Case withdrawn'),
  PersonalDataErased: text('Persoonsgegevens gewist', 'Personal data erased'),
  HouseholdChangeRecorded: text('Wijziging in het gezin vastgelegd', 'Household change recorded'),
  ChangePassedToToeslagen: text(
    'Wijziging doorgegeven aan Toeslagen',
    'Change passed to Toeslagen',
  ),
  HouseholdChangeProcessed: text(
    'Wijziging verwerkt door Toeslagen',
    'Change processed by Toeslagen',
  ),
  IndicatedPartnerCorrected: text(
    'Ouder met de indicatie gecorrigeerd',
    'Parent with the indication corrected',
  ),
  KotSettled: text('Toeslag definitief vastgesteld', 'Allowance settled definitively'),
};

/** The pre-check's answer in a word. */
export const verdictNames: Record<'yes' | 'no' | 'unknown', Text> = {
  yes: text('ja', 'yes'),
  no: text('nee', 'no'),
  unknown: text('onbekend', 'unknown'),
};

/** Looks a code up, and shows the code itself rather than nothing when the list is behind. */
export function nameOf(names: Record<string, Text>, code: string | null | undefined): Text {
  if (!code) return text('—', '—');
  return names[code] ?? text(code, code);
}
