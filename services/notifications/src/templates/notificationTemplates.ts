// The message per rule, in Dutch and English. `{{name}}` inserts a param; `{{#name}}…{{/name}}`
// shows its text only when the param is there. Messages say what happened and what to do next,
// with the case number; never a name or a BSN (the params have none).

import type { NotificationRule } from '@kot/domain';
import type { Language } from '../recipients/recipientDirectory';

export interface MessageTemplate {
  subject: string;
  /** Plain text; paragraphs separated by a blank line. The HTML part is made from it. */
  body: string;
}

export type NotificationTemplates = Record<NotificationRule, Record<Language, MessageTemplate>>;

export const notificationTemplates: NotificationTemplates = {
  'case-offered': {
    nl: {
      subject: 'Nieuwe verwijzing aangeboden: zaak {{caseNumber}}',
      body: 'De gemeente {{municipality}} heeft op {{offeredOn}} een gezin naar uw organisatie verwezen voor kinderopvangtoeslag via de Wlz-route.\n\nNeem de zaak uiterlijk {{due}} op of geef aan dat u haar niet oppakt.',
    },
    en: {
      subject: 'New referral offered: case {{caseNumber}}',
      body: 'Municipality {{municipality}} referred a family to your organisation on {{offeredOn}} for childcare allowance through the Wlz route.\n\nTake the case on by {{due}} or decline it.',
    },
  },
  'offer-declined': {
    nl: {
      subject: 'Aanbod afgewezen: zaak {{caseNumber}}',
      body: '{{declinedBy}} pakt de zaak niet op. Bied haar aan een andere ondersteuner aan, zodat het gezin niet blijft wachten.',
    },
    en: {
      subject: 'Offer declined: case {{caseNumber}}',
      body: '{{declinedBy}} will not take the case on. Offer it to another supporter so the family is not left waiting.',
    },
  },
  'offer-overdue': {
    nl: {
      subject: 'Aanbod wacht op uw antwoord: zaak {{caseNumber}}',
      body: 'Deze zaak is op {{offeredOn}} aan uw organisatie aangeboden en had uiterlijk {{due}} opgepakt of afgewezen moeten zijn; {{daysOverdue}} dagen te laat.\n\nPak de zaak op met uw machtiging, of wijs het aanbod af met een reden, zodat de gemeente een ander kan vragen.',
    },
    en: {
      subject: 'An offer is waiting for your answer: case {{caseNumber}}',
      body: 'This case was offered to your organisation on {{offeredOn}} and should have been taken on or declined by {{due}}; {{daysOverdue}} days overdue.\n\nTake the case on with your mandate, or decline the offer with a reason, so the municipality can ask someone else.',
    },
  },
  'case-closed': {
    nl: {
      subject: 'Zaak {{caseNumber}} is afgesloten',
      body: 'De zaak is afgesloten (uitkomst: {{outcome}}). Er staan geen stappen meer open.',
    },
    en: {
      subject: 'Case {{caseNumber}} was closed',
      body: 'The case was closed (outcome: {{outcome}}). No steps remain open.',
    },
  },
  'case-claimed': {
    nl: {
      subject: 'Zaak {{caseNumber}} is opgepakt',
      body: 'De zaak is opgepakt door {{claimedBy}} (machtiging: {{mandate}}).',
    },
    en: {
      subject: 'Case {{caseNumber}} was taken on',
      body: 'The case was taken on by {{claimedBy}} (mandate: {{mandate}}).',
    },
  },
  'claim-released': {
    nl: {
      subject: 'Zaak {{caseNumber}} is teruggegeven',
      body: '{{releasedBy}} heeft de zaak teruggegeven. Bied haar opnieuw aan, zodat het gezin niet tussen wal en schip valt.',
    },
    en: {
      subject: 'Case {{caseNumber}} was handed back',
      body: '{{releasedBy}} handed the case back. Offer it again so the family does not fall through the gap.',
    },
  },
  'claim-revoked': {
    nl: {
      subject: 'Zaak {{caseNumber}} is niet meer aan u toegewezen',
      body: '{{releasedBy}} heeft uw claim op deze zaak vrijgegeven. U hoeft er niets meer voor te doen; de gemeente zorgt dat iemand anders het gezin ondersteunt.',
    },
    en: {
      subject: 'Case {{caseNumber}} is no longer assigned to you',
      body: '{{releasedBy}} released your claim on this case. You need not do anything more for it; the municipality makes sure someone else supports the family.',
    },
  },
  'case-unclaimed': {
    nl: {
      subject: 'Zaak {{caseNumber}} ligt stil: niemand heeft haar opgepakt',
      body: 'Stap: {{action}}. Deze had uiterlijk {{due}} moeten gebeuren; {{daysOverdue}} dagen te laat.',
    },
    en: {
      subject: 'Case {{caseNumber}} is stalled: nobody has taken it on',
      body: 'Step: {{action}}. It was due by {{due}}; {{daysOverdue}} days overdue.',
    },
  },
  'kot-requested': {
    nl: {
      subject: 'Aanvraag kinderopvangtoeslag (Wlz-route): zaak {{caseNumber}}',
      body: 'Op {{requestedOn}} is {{channel}} kinderopvangtoeslag aangevraagd via de Wlz-route.{{#callbackExpectedOn}} Het gezin verwacht een terugbelafspraak op {{callbackExpectedOn}}.{{/callbackExpectedOn}}\n\nU bent aan zet: bel terug, registreer het Wlz-verzoek en zoek de indicatie op in de inkijkfunctie van het CIZ, uiterlijk {{due}}.',
    },
    en: {
      subject: 'Childcare allowance request (Wlz route): case {{caseNumber}}',
      body: 'On {{requestedOn}} the childcare allowance was requested {{channel}} through the Wlz route.{{#callbackExpectedOn}} The family expects a call back on {{callbackExpectedOn}}.{{/callbackExpectedOn}}\n\nIt is your turn: call back, register the Wlz request and look the indication up in the CIZ data view, by {{due}}.',
    },
  },
  'indication-check-requested': {
    nl: {
      subject: 'Wlz-indicatie bevestigen: zaak {{caseNumber}}',
      body: 'Op {{registeredOn}} is een Wlz-verzoek voor kinderopvangtoeslag geregistreerd.\n\nU bent aan zet: zoek de Wlz-indicatie op in de inkijkfunctie van het CIZ en bevestig soort en geldigheid, of leg vast dat zij niet te vinden is, uiterlijk {{due}}.',
    },
    en: {
      subject: 'Confirm the Wlz indication: case {{caseNumber}}',
      body: 'A Wlz request for childcare allowance was registered on {{registeredOn}}.\n\nIt is your turn: look the Wlz indication up in the CIZ data view and confirm its kind and validity, or record that it cannot be found, by {{due}}.',
    },
  },
  'indication-not-found': {
    nl: {
      subject: 'Wlz-indicatie niet gevonden: zaak {{caseNumber}}',
      body: 'Dienst Toeslagen vond de Wlz-indicatie niet in de gegevens van het CIZ. Stuur (of upload) een kopie van het indicatiebesluit van het CIZ naar Dienst Toeslagen{{#due}} vóór {{due}}{{/due}}.',
    },
    en: {
      subject: 'Wlz indication not found: case {{caseNumber}}',
      body: "Dienst Toeslagen did not find the Wlz indication in CIZ's data. Send (or upload) a copy of CIZ's indication decision to Dienst Toeslagen{{#due}} by {{due}}{{/due}}.",
    },
  },
  'forms-sent': {
    nl: {
      subject: 'Aanvraagformulieren verstuurd: zaak {{caseNumber}}',
      body: 'Dienst Toeslagen heeft op {{sentOn}} de aanvraagformulieren per post verstuurd. U bent aan zet: vul ze met het gezin in, laat beide partners tekenen en stuur ze uiterlijk {{due}} terug.',
    },
    en: {
      subject: 'Application forms sent: case {{caseNumber}}',
      body: 'Dienst Toeslagen posted the application forms on {{sentOn}}. It is your turn: fill them in with the family, have both partners sign, and send them back by {{due}}.',
    },
  },
  'application-submitted': {
    nl: {
      subject: 'Aanvraag verstuurd: zaak {{caseNumber}}',
      body: 'De ondertekende aanvraag is op {{submittedOn}} per post naar Dienst Toeslagen verstuurd.\n\nU bent aan zet: registreer de ontvangst uiterlijk {{due}}; daarna loopt de beslistermijn van 5 weken.',
    },
    en: {
      subject: 'Application posted: case {{caseNumber}}',
      body: 'The signed application was posted to Dienst Toeslagen on {{submittedOn}}.\n\nIt is your turn: register its receipt by {{due}}; the 5-week decision norm runs from then.',
    },
  },
  'kot-decided': {
    nl: {
      subject: 'Besluit kinderopvangtoeslag: zaak {{caseNumber}}',
      body: 'Dienst Toeslagen heeft op {{decidedOn}} besloten: {{outcome}}.{{#grantedFrom}} Toeslag vanaf {{grantedFrom}}.{{/grantedFrom}}{{#reason}} Reden: {{reason}}.{{/reason}}\n\nU ontvangt dit bericht omdat u bij deze zaak betrokken bent.',
    },
    en: {
      subject: 'Childcare allowance decision: case {{caseNumber}}',
      body: 'Dienst Toeslagen decided on {{decidedOn}}: {{outcome}}.{{#grantedFrom}} Allowance from {{grantedFrom}}.{{/grantedFrom}}{{#reason}} Reason: {{reason}}.{{/reason}}\n\nYou receive this message because you take part in this case.',
    },
  },
  'kot-rejected-continue-smi': {
    nl: {
      subject: 'KOT afgewezen: SMI moet doorlopen (zaak {{caseNumber}})',
      body: 'De kinderopvangtoeslag is afgewezen. De SMI loopt nu tot {{smiEndsOn}}; zorg dat de opvang betaald blijft, ook tijdens een bezwaar (bezwaartermijn tot {{objectionEnds}}).',
    },
    en: {
      subject: 'KOT rejected: SMI must continue (case {{caseNumber}})',
      body: 'The childcare allowance was rejected. SMI currently runs until {{smiEndsOn}}; keep the childcare funded, also during an objection (objection period until {{objectionEnds}}).',
    },
  },
  'kot-rejected-objection-deadline': {
    nl: {
      subject: 'KOT afgewezen: bezwaar mogelijk tot {{objectionEnds}} (zaak {{caseNumber}})',
      body: 'De aanvraag is afgewezen ({{reason}}). Bezwaar maken kan tot en met {{objectionEnds}}.',
    },
    en: {
      subject: 'KOT rejected: objection possible until {{objectionEnds}} (case {{caseNumber}})',
      body: 'The application was rejected ({{reason}}). An objection can be filed until {{objectionEnds}}.',
    },
  },
  'objection-window-closing': {
    nl: {
      subject: 'Bezwaartermijn eindigt op {{objectionEnds}} (zaak {{caseNumber}})',
      body: 'Bezwaar maken tegen {{against}} kan nog tot en met {{objectionEnds}} ({{daysLeft}} dagen). Er is nog geen bezwaar ingediend.\n\nBespreek met het gezin of bezwaar zin heeft; na deze datum kan het alleen nog als te laat bezwaar.',
    },
    en: {
      subject: 'Objection period ends on {{objectionEnds}} (case {{caseNumber}})',
      body: 'An objection against {{against}} can be filed until {{objectionEnds}} ({{daysLeft}} days). No objection has been filed yet.\n\nDiscuss with the family whether an objection makes sense; after this date only a late objection is possible.',
    },
  },
  'objection-filed': {
    nl: {
      subject: 'Bezwaar ingediend: zaak {{caseNumber}}',
      body: 'Op {{filedOn}} is bezwaar gemaakt tegen {{against}}.\n\nU bent aan zet: beslis op het bezwaar uiterlijk {{due}} (6 weken).',
    },
    en: {
      subject: 'Objection filed: case {{caseNumber}}',
      body: 'An objection against {{against}} was filed on {{filedOn}}.\n\nIt is your turn: decide on the objection by {{due}} (6 weeks).',
    },
  },
  'smi-ending-without-kot': {
    nl: {
      subject: 'SMI eindigt op {{smiEndsOn}} zonder KOT (zaak {{caseNumber}})',
      body: 'De SMI eindigt op {{smiEndsOn}} en er is nog geen kinderopvangtoeslag. Zonder actie ontstaat een gat van {{daysAtRisk}} dagen. Verleng de SMI of zorg voor een besluit.',
    },
    en: {
      subject: 'SMI ends on {{smiEndsOn}} without KOT (case {{caseNumber}})',
      body: 'SMI ends on {{smiEndsOn}} and there is no childcare allowance yet. Without action there will be a gap of {{daysAtRisk}} days. Extend SMI or get a decision.',
    },
  },
  'decision-overdue': {
    nl: {
      subject: 'Besluit te laat: zaak {{caseNumber}}',
      body: 'Het besluit op de aanvraag had uiterlijk {{due}} genomen moeten zijn (servicenorm 5 weken); {{daysOverdue}} dagen te laat. Stap: {{action}}.',
    },
    en: {
      subject: 'Decision overdue: case {{caseNumber}}',
      body: 'The decision on the application was due by {{due}} (service norm 5 weeks); {{daysOverdue}} days overdue. Step: {{action}}.',
    },
  },
  'step-overdue': {
    nl: {
      subject: 'Stap te laat: zaak {{caseNumber}}',
      body: 'Stap: {{action}}. Deze had uiterlijk {{due}} moeten gebeuren; {{daysOverdue}} dagen te laat.',
    },
    en: {
      subject: 'Step overdue: case {{caseNumber}}',
      body: 'Step: {{action}}. It was due by {{due}}; {{daysOverdue}} days overdue.',
    },
  },
  'funding-gap-opened': {
    nl: {
      subject: 'Financieringsgat sinds {{from}}: zaak {{caseNumber}}',
      body: 'De kinderopvang van dit gezin wordt sinds {{from}} niet betaald uit SMI of KOT{{#days}} ({{days}} dagen){{/days}}. Gat bewust aanvaard: {{accepted}}.',
    },
    en: {
      subject: 'Funding gap since {{from}}: case {{caseNumber}}',
      body: "This family's childcare has not been funded by SMI or KOT since {{from}}{{#days}} ({{days}} days){{/days}}. Gap knowingly accepted: {{accepted}}.",
    },
  },
  'kot-stopped': {
    nl: {
      subject: 'Kinderopvangtoeslag gestopt: zaak {{caseNumber}}',
      body: 'De kinderopvangtoeslag is gestopt vanaf {{stoppedFrom}} (op nul gezet: {{setToZero}}). Het gezin heeft opnieuw hulp nodig; zorg dat de opvang betaald blijft.',
    },
    en: {
      subject: 'Childcare allowance stopped: case {{caseNumber}}',
      body: 'The childcare allowance stopped from {{stoppedFrom}} (set to zero: {{setToZero}}). The family needs help again; keep the childcare funded.',
    },
  },
  'kot-stopped-objection-deadline': {
    nl: {
      subject: 'Bezwaar tegen de stopzetting mogelijk tot {{objectionEnds}} (zaak {{caseNumber}})',
      body: 'Tegen het stopzetten van de kinderopvangtoeslag kan het gezin bezwaar maken tot en met {{objectionEnds}}. Bespreek met het gezin of dat zin heeft.',
    },
    en: {
      subject: 'Objection to the stop possible until {{objectionEnds}} (case {{caseNumber}})',
      body: 'The family can object to the stop of the childcare allowance until {{objectionEnds}}. Discuss with the family whether that makes sense.',
    },
  },
  'kot-changed': {
    nl: {
      subject: 'Kinderopvangtoeslag gewijzigd: zaak {{caseNumber}}',
      body: 'Dienst Toeslagen heeft de kinderopvangtoeslag gewijzigd vanaf {{changedFrom}}. Controleer met het gezin of het nieuwe bedrag klopt met de opvang.',
    },
    en: {
      subject: 'Childcare allowance changed: case {{caseNumber}}',
      body: 'Dienst Toeslagen changed the childcare allowance from {{changedFrom}}. Check with the family that the new amount matches the childcare.',
    },
  },
  'change-to-pass': {
    nl: {
      subject: 'Geef de wijziging door aan Dienst Toeslagen: zaak {{caseId}}',
      body: 'Er is een wijziging vastgelegd ({{changeKind}}) per {{effectiveFrom}}, terwijl het gezin kinderopvangtoeslag krijgt. Geef haar door aan Dienst Toeslagen; anders kan te veel betaalde toeslag later worden teruggevorderd.',
    },
    en: {
      subject: 'Pass the change to Dienst Toeslagen: case {{caseId}}',
      body: 'A change was recorded ({{changeKind}}) from {{effectiveFrom}} while the family receives the childcare allowance. Pass it to Dienst Toeslagen; otherwise an allowance paid too much may be reclaimed later.',
    },
  },
  'change-passed': {
    nl: {
      subject: 'Wijziging doorgegeven: zaak {{caseId}}',
      body: 'Het gezin gaf een wijziging door ({{changeKind}}) per {{effectiveFrom}}. Verwerk haar en leg vast dat zij verwerkt is; wijzig of stop de toeslag als het recht verandert.',
    },
    en: {
      subject: 'Change passed on: case {{caseId}}',
      body: 'The family passed on a change ({{changeKind}}) from {{effectiveFrom}}. Process it and record it processed; change or stop the allowance if the right changes.',
    },
  },
  'indicated-partner-corrected': {
    nl: {
      subject: 'Gegevens gecorrigeerd: zaak {{caseId}}',
      body: 'Op {{correctedOn}} is gecorrigeerd welke ouder de Wlz-indicatie heeft. Tot CIZ de indicatie van die ouder bevestigt, is het recht op kinderopvangtoeslag onbekend.',
    },
    en: {
      subject: 'Record corrected: case {{caseId}}',
      body: "On {{correctedOn}} the record of which parent holds the Wlz-indication was corrected. Until CIZ confirms that parent's indication, the right to the childcare allowance is unknown.",
    },
  },
  'kot-settled': {
    nl: {
      subject: 'Kinderopvangtoeslag over {{year}} vastgesteld: zaak {{caseId}}',
      body: 'Dienst Toeslagen heeft de kinderopvangtoeslag over {{year}} definitief vastgesteld: {{outcome}} ({{amountCents}} cent). Bespreek met het gezin wat dit betekent; bij een terugvordering kan een betalingsregeling of bezwaar.',
    },
    en: {
      subject: 'Childcare allowance for {{year}} settled: case {{caseId}}',
      body: 'Dienst Toeslagen settled the childcare allowance for {{year}} definitively: {{outcome}} ({{amountCents}} cents). Discuss with the family what it means; a reclaim allows a payment plan or an objection.',
    },
  },
  'smi-ended': {
    nl: {
      subject: 'SMI eindigt op {{lastDay}}: zaak {{caseNumber}}',
      body: 'De gemeente beëindigt de SMI-vergoeding; de laatste dag is {{lastDay}}. Kijk in de zaak of de kinderopvang daarna betaald wordt.',
    },
    en: {
      subject: 'SMI ends on {{lastDay}}: case {{caseNumber}}',
      body: 'The municipality ends the SMI contribution; its last day is {{lastDay}}. See in the case whether the childcare is funded after it.',
    },
  },
  'smi-extended': {
    nl: {
      subject: 'SMI verlengd tot {{until}}: zaak {{caseNumber}}',
      body: 'De gemeente heeft de SMI-vergoeding verlengd tot en met {{until}}.',
    },
    en: {
      subject: 'SMI extended until {{until}}: case {{caseNumber}}',
      body: 'The municipality extended the SMI contribution until {{until}}.',
    },
  },
  'smi-reinstated': {
    nl: {
      subject: 'SMI hervat: zaak {{caseNumber}}',
      body: 'De gemeente betaalt de kinderopvang weer uit SMI, van {{from}} tot en met {{until}}.',
    },
    en: {
      subject: 'SMI reinstated: case {{caseNumber}}',
      body: 'The municipality funds the childcare from SMI again, from {{from}} until {{until}}.',
    },
  },
  'indication-reassessed': {
    nl: {
      subject: 'Wlz-indicatie opnieuw beoordeeld: zaak {{caseNumber}}',
      body: 'CIZ heeft de tijdelijke Wlz-indicatie opnieuw beoordeeld (uitkomst: {{outcome}}){{#validTo}}; zij geldt nu tot en met {{validTo}}{{/validTo}}. De kinderopvangtoeslag loopt zolang de indicatie geldt.',
    },
    en: {
      subject: 'Wlz-indication re-assessed: case {{caseNumber}}',
      body: 'CIZ re-assessed the temporary Wlz-indication (outcome: {{outcome}}){{#validTo}}; it is now valid until {{validTo}}{{/validTo}}. The childcare allowance runs as long as the indication is valid.',
    },
  },
  'kot-ending-with-indication': {
    nl: {
      subject: 'Kinderopvangtoeslag stopt op {{kotEndsOn}}: zaak {{caseNumber}}',
      body: 'De tijdelijke Wlz-indicatie loopt af op {{kotEndsOn}} en de kinderopvangtoeslag stopt dan mee; {{daysAtRisk}} dagen in de komende drie weken zijn niet gedekt. Zorg voor een verlenging door CIZ of voor SMI daarna.',
    },
    en: {
      subject: 'Childcare allowance stops on {{kotEndsOn}}: case {{caseNumber}}',
      body: 'The temporary Wlz-indication ends on {{kotEndsOn}} and the allowance stops with it; {{daysAtRisk}} days in the coming three weeks are not covered. Arrange an extension by CIZ or SMI after it.',
    },
  },
  'desk-step-ended': {
    nl: {
      subject: 'Zaak {{caseNumber}} beëindigd: uw stap vervalt',
      body: 'De zaak is gesloten of ingetrokken terwijl uw stap ({{action}}) nog openstond. Die stap vervalt; beslis niet meer op deze aanvraag.',
    },
    en: {
      subject: 'Case {{caseNumber}} ended: your step lapses',
      body: 'The case was closed or withdrawn while your step ({{action}}) was still open. That step lapses; do not decide on this application any more.',
    },
  },
};
