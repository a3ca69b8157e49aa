// Words for the coded values in params, so a message reads "afgewezen" rather than "rejected".
// A value without a label is shown as it is.

import type { Language } from '../recipients/recipientDirectory';

type Labels = Record<string, { nl: string; en: string }>;

const labels: Record<string, Labels> = {
  outcome: {
    granted: { nl: 'toegekend', en: 'granted' },
    rejected: { nl: 'afgewezen', en: 'rejected' },
    'objection-upheld': { nl: 'bezwaar gegrond', en: 'objection upheld' },
    'objection-rejected': { nl: 'bezwaar ongegrond', en: 'objection rejected' },
    'appeal-upheld': { nl: 'beroep gegrond', en: 'appeal upheld' },
    'appeal-dismissed': { nl: 'beroep ongegrond', en: 'appeal dismissed' },
    'kot-granted': { nl: 'kinderopvangtoeslag toegekend', en: 'KOT granted' },
    'stays-on-smi': { nl: 'blijft op SMI', en: 'stays on SMI' },
    'not-eligible': { nl: 'geen recht', en: 'not eligible' },
    'family-declined': { nl: 'gezin ziet af', en: 'family declined' },
    'no-longer-needed': { nl: 'niet meer nodig', en: 'no longer needed' },
    withdrawn: { nl: 'ingetrokken', en: 'withdrawn' },
    'additional-payment': { nl: 'nabetaling', en: 'additional payment' },
    reclaim: { nl: 'terugvordering', en: 'reclaim' },
    'no-difference': { nl: 'geen verschil', en: 'no difference' },
  },
  changeKind: {
    'partner-work': { nl: 'werk van een partner', en: "a partner's work" },
    separation: { nl: 'scheiding', en: 'separation' },
    'child-added': { nl: 'een kind erbij', en: 'a child added' },
    childcare: { nl: 'kinderopvang', en: 'childcare' },
    'childcare-ended': { nl: 'kinderopvang gestopt', en: 'childcare ended' },
    'indication-changed': { nl: 'Wlz-indicatie gewijzigd', en: 'Wlz-indication changed' },
    'indication-ended': { nl: 'Wlz-indicatie beëindigd', en: 'Wlz-indication ended' },
  },
  against: {
    rejection: { nl: 'de afwijzing', en: 'the rejection' },
    stop: { nl: 'de stopzetting van de toeslag', en: 'the stop of the allowance' },
    grant: {
      nl: 'de toekenning (bijvoorbeeld de ingangsdatum)',
      en: 'the grant (its start date, say)',
    },
  },
  channel: {
    phone: { nl: 'telefonisch (BelastingTelefoon)', en: 'by phone (BelastingTelefoon)' },
    letter: { nl: 'per brief', en: 'by letter' },
  },
  mandate: {
    'court-bewind': { nl: 'beschermingsbewind (rechter)', en: 'court-appointed administration' },
    'court-curatele': { nl: 'curatele (rechter)', en: 'guardianship (court)' },
    'court-mentorschap': { nl: 'mentorschap (rechter)', en: 'mentorship (court)' },
    'digid-machtiging': { nl: 'DigiD-machtiging', en: 'DigiD mandate' },
    'written-volmacht': { nl: 'schriftelijke volmacht', en: 'written power of attorney' },
    none: { nl: 'geen machtiging (alleen signaleren)', en: 'no mandate (may only signal)' },
  },
  reason: {
    'no-permanent-indication': {
      nl: 'geen blijvende Wlz-indicatie',
      en: 'no permanent Wlz indication',
    },
    'single-parent': { nl: 'alleenstaande ouder', en: 'single parent' },
    'both-partners-indicated': { nl: 'beide partners geïndiceerd', en: 'both partners indicated' },
    'partner-not-working': { nl: 'partner werkt niet', en: 'partner does not work' },
    'childcare-not-registered': {
      nl: 'opvang niet geregistreerd (LRK)',
      en: 'childcare not registered (LRK)',
    },
    'application-incomplete': { nl: 'aanvraag onvolledig', en: 'application incomplete' },
    other: { nl: 'andere reden', en: 'other reason' },
  },
  action: {
    'offer-to-supporter': { nl: 'aanbieden aan een ondersteuner', en: 'offer to a supporter' },
    'claim-or-decline-offer': {
      nl: 'aanbod oppakken of afwijzen',
      en: 'take on or decline the offer',
    },
    'get-case-claimed': { nl: 'zaak laten oppakken', en: 'get the case taken on' },
    'arrange-mandate': { nl: 'machtiging regelen', en: 'arrange a mandate' },
    'request-kot': { nl: 'KOT aanvragen bij de BelastingTelefoon', en: 'request KOT by phone' },
    'register-wlz-request': { nl: 'Wlz-verzoek registreren', en: 'register the Wlz request' },
    'confirm-indication': { nl: 'Wlz-indicatie bevestigen', en: 'confirm the Wlz indication' },
    'send-ciz-decision': { nl: 'CIZ-besluit opsturen', en: 'send the CIZ decision' },
    'send-forms': { nl: 'formulieren versturen', en: 'send the forms' },
    'return-forms': { nl: 'formulieren terugsturen', en: 'return the forms' },
    'register-receipt': { nl: 'ontvangst registreren', en: 'register receipt' },
    'decide-application': { nl: 'beslissen op de aanvraag', en: 'decide on the application' },
    'align-smi': { nl: 'SMI afstemmen op KOT', en: 'align SMI with KOT' },
    aftercare: { nl: 'nazorg', en: 'aftercare' },
    'continue-smi': { nl: 'SMI voortzetten', en: 'continue SMI' },
    'decide-objection': { nl: 'beslissen op het bezwaar', en: 'decide on the objection' },
    'secure-funding': { nl: 'financiering zeker stellen', en: 'secure funding' },
    'reapply-or-object': { nl: 'opnieuw aanvragen of bezwaar maken', en: 'apply again or object' },
    'pass-change-to-toeslagen': {
      nl: 'wijziging doorgeven aan Toeslagen',
      en: 'pass the change to Toeslagen',
    },
    'process-change': { nl: 'wijziging verwerken', en: 'process the change' },
    'check-correction': { nl: 'correctie controleren', en: 'check the correction' },
    'settle-kot': { nl: 'toeslag definitief vaststellen', en: 'settle the allowance' },
  },
};

const yesNo = { true: { nl: 'ja', en: 'yes' }, false: { nl: 'nee', en: 'no' } };

export function labelOf(
  name: string,
  value: string | number | boolean,
  language: Language,
): string {
  if (typeof value === 'boolean') return yesNo[`${value}`][language];
  return labels[name]?.[String(value)]?.[language] ?? String(value);
}
