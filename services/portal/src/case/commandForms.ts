// What each recording action asks for, in the order a desk worker fills it in. The fields are the
// GraphQL input fields of the command; the form sends exactly these (plus the case id).
import {
  addDays,
  closingOutcomes,
  erasureGrounds,
  earliestKotStart,
  rejectionReasons,
  text,
  type CaseCommandType,
  type CaseState,
  type Text,
} from '@kot/domain';
import { closingOutcomeNames, erasureGroundNames, rejectionReasonNames } from '../i18n/vocabulary';

export type FieldSpec =
  | {
      name: string;
      kind: 'date';
      label: Text;
      required?: boolean;
      description?: Text;
      initial?(ctx: FormContext): string;
    }
  | { name: string; kind: 'text'; label: Text; required?: boolean; description?: Text }
  | {
      name: string;
      kind: 'choice';
      label: Text;
      choices: Array<{ value: string; label: Text }>;
      initial?(ctx: FormContext): string;
    }
  | { name: string; kind: 'partner'; label: Text }
  | { name: string; kind: 'check'; label: Text; description?: Text; mustBeChecked?: boolean };

export interface FormContext {
  state: CaseState;
  today: string;
}

export interface CommandFormSpec {
  label: Text;
  /** What the action records, shown above the fields. */
  explanation: Text;
  fields: FieldSpec[];
  danger?: boolean;
}

const upper = (code: string) => code.toUpperCase().replace(/-/g, '_');
const today = (ctx: FormContext) => ctx.today;
const dated = (name: string, label: Text): FieldSpec => ({
  name,
  kind: 'date',
  label,
  required: false,
  initial: today,
});
const reasonField = (name = 'reason', label = text('Reden', 'Reason')): FieldSpec => ({
  name,
  kind: 'text',
  label,
  required: true,
});
const indicationKind: FieldSpec = {
  name: 'kind',
  kind: 'choice',
  label: text('Soort indicatie', 'Kind of indication'),
  choices: [
    { value: 'PERMANENT', label: text('Permanent', 'Permanent') },
    { value: 'TEMPORARY', label: text('Tijdelijk', 'Temporary') },
  ],
};
const partner: FieldSpec = {
  name: 'partnerId',
  kind: 'partner',
  label: text('Ouder met de indicatie', 'Parent with the indication'),
};

export const commandForms: Partial<Record<CaseCommandType, CommandFormSpec>> = {
  CheckEligibility: {
    label: text('Recht op kinderopvangtoeslag vastleggen', 'Record the eligibility check'),
    explanation: text(
      'Legt de uitkomst van de check vast in de zaak, zodat iedereen ziet wat er op die dag bekend was.',
      'Records the outcome of the check in the case, so everyone sees what was known that day.',
    ),
    fields: [dated('on', text('Peildatum', 'Reference date'))],
  },
  DeclineOffer: {
    label: text('Aanbod afwijzen', 'Decline the offer'),
    explanation: text(
      'De SMI-consulent ziet uw reden en biedt de zaak aan iemand anders aan.',
      'The SMI officer sees your reason and offers the case to someone else.',
    ),
    fields: [reasonField()],
  },
  ReleaseClaim: {
    label: text('Zaak teruggeven', 'Give the case back'),
    explanation: text(
      'De zaak gaat terug naar de SMI-consulent, die haar opnieuw aanbiedt.',
      'The case goes back to the SMI officer, who offers it again.',
    ),
    fields: [reasonField()],
  },
  RequestKot: {
    label: text('Aanvraag bij Toeslagen vastleggen', 'Record the request at Toeslagen'),
    explanation: text(
      'U heeft de BelastingTelefoon gebeld (Wlz-route) of een brief gestuurd. Toeslagen moet het Wlz-verzoek nu registreren.',
      'You called BelastingTelefoon (Wlz route) or sent a letter. Toeslagen must now register the Wlz request.',
    ),
    fields: [
      {
        name: 'channel',
        kind: 'choice',
        label: text('Hoe aangevraagd', 'How requested'),
        choices: [
          {
            value: 'PHONE',
            label: text('Telefonisch (BelastingTelefoon)', 'By phone (BelastingTelefoon)'),
          },
          { value: 'LETTER', label: text('Per brief', 'By letter') },
        ],
      },
      dated('requestedOn', text('Datum aanvraag', 'Date of the request')),
      {
        name: 'callbackExpectedOn',
        kind: 'date',
        label: text('Terugbelafspraak (als bekend)', 'Call-back expected (if known)'),
      },
      {
        name: 'applyAnywayReason',
        kind: 'text',
        label: text(
          'Reden om toch aan te vragen (alleen als de controle "nee" zegt)',
          'Reason to apply anyway (only when the check says no)',
        ),
      },
    ],
  },
  RegisterWlzRequest: {
    label: text('Wlz-verzoek registreren', 'Register the Wlz request'),
    explanation: text(
      'Zoek tijdens het gesprek de Wlz-indicatie op in de inkijkfunctie van CIZ.',
      "During the call, look the Wlz-indication up in the view of CIZ's data.",
    ),
    fields: [dated('registeredOn', text('Datum registratie', 'Date registered'))],
  },
  ConfirmWlzIndication: {
    label: text('Wlz-indicatie bevestigen', 'Confirm the Wlz-indication'),
    explanation: text(
      'Zoals de inkijkfunctie van CIZ de indicatie toont.',
      "As the view of CIZ's data shows the indication.",
    ),
    fields: [
      partner,
      indicationKind,
      {
        name: 'validFrom',
        kind: 'date',
        label: text('Geldig vanaf', 'Valid from'),
        required: true,
      },
      {
        name: 'validTo',
        kind: 'date',
        label: text(
          'Geldig tot en met (leeg bij geen einddatum)',
          'Valid until (empty when open-ended)',
        ),
      },
    ],
  },
  ReportWlzIndicationNotFound: {
    label: text('Indicatie niet gevonden', 'Indication not found'),
    explanation: text(
      'Niet te vinden in de gegevens van CIZ: het gezin of wie het ondersteunt stuurt (of uploadt) dan een kopie van het indicatiebesluit van CIZ.',
      "Not in CIZ's data: the family or its supporter then sends (or uploads) a copy of CIZ's indication decision.",
    ),
    fields: [partner, reasonField('reason', text('Toelichting', 'Explanation'))],
  },
  ReassessWlzIndication: {
    label: text(
      'Herbeoordeling Wlz-indicatie vastleggen',
      'Record the re-assessment of the indication',
    ),
    explanation: text(
      'Een tijdelijke indicatie loopt af; de kinderopvangtoeslag stopt dan mee, tenzij zij wordt verlengd.',
      'A temporary indication ends; the childcare allowance stops with it unless it is extended.',
    ),
    fields: [
      partner,
      {
        name: 'outcome',
        kind: 'choice',
        label: text('Uitkomst', 'Outcome'),
        choices: [
          { value: 'EXTENDED', label: text('Verlengd', 'Extended') },
          { value: 'ENDS', label: text('Loopt af', 'Ends') },
        ],
      },
      indicationKind,
      {
        name: 'validTo',
        kind: 'date',
        label: text('Nieuwe einddatum (bij tijdelijk)', 'New end date (when temporary)'),
      },
    ],
  },
  SubmitCizDecisionCopy: {
    label: text('Kopie CIZ-besluit indienen', "Submit a copy of CIZ's decision"),
    explanation: text('Neem over wat in het besluit staat.', 'Copy what the decision says.'),
    fields: [
      partner,
      indicationKind,
      {
        name: 'validFrom',
        kind: 'date',
        label: text('Geldig vanaf', 'Valid from'),
        required: true,
      },
      {
        name: 'validTo',
        kind: 'date',
        label: text(
          'Geldig tot en met (leeg bij geen einddatum)',
          'Valid until (empty when open-ended)',
        ),
      },
    ],
  },
  SendApplicationForms: {
    label: text('Formulieren verstuurd', 'Forms sent'),
    explanation: text(
      'Het aanvraagformulier en het kinderopvangformulier zijn naar het gezin verstuurd.',
      'The application form and the childcare form were sent to the family.',
    ),
    fields: [dated('sentOn', text('Verzonden op', 'Sent on'))],
  },
  SubmitApplication: {
    label: text('Aanvraag ingediend', 'Application submitted'),
    explanation: text(
      'U heeft de formulieren met het gezin ingevuld, beide partners hebben getekend en u heeft ze teruggestuurd.',
      'You filled in the forms with the family, both partners signed, and you sent them back.',
    ),
    fields: [
      {
        name: 'requestedStart',
        kind: 'date',
        label: text('Gewenste ingangsdatum', 'Requested start date'),
        required: true,
        description: text(
          'Vroegst mogelijk: de eerste dag van de maand, drie maanden vóór de aanvraag.',
          'Earliest possible: the first day of the month three months before the application.',
        ),
        initial: (ctx) => earliestKotStart(ctx.today, ctx.state.indication),
      },
      {
        name: 'signedByBothPartners',
        kind: 'check',
        label: text('Beide partners hebben getekend', 'Both partners signed'),
        mustBeChecked: true,
      },
      dated('submittedOn', text('Verstuurd op', 'Sent on')),
    ],
  },
  RecordApplicationReceived: {
    label: text('Ontvangst registreren', 'Register receipt'),
    explanation: text(
      'Vanaf nu loopt de beslistermijn van 5 weken.',
      'The 5-week decision period starts now.',
    ),
    fields: [dated('receivedOn', text('Ontvangen op', 'Received on'))],
  },
  GrantKot: {
    label: text('Toekennen', 'Grant'),
    explanation: text(
      'Kinderopvangtoeslag toekennen. De gemeente laat de SMI daarna aansluiten.',
      'Grant the childcare allowance. The municipality then aligns SMI.',
    ),
    fields: [
      {
        name: 'grantedFrom',
        kind: 'date',
        label: text('Toegekend vanaf', 'Granted from'),
        required: true,
        initial: (ctx) =>
          earliestKotStart(ctx.state.application?.receivedOn ?? ctx.today, ctx.state.indication),
      },
      dated('decidedOn', text('Besluitdatum', 'Decision date')),
    ],
  },
  RejectKot: {
    label: text('Afwijzen', 'Reject'),
    explanation: text(
      'De zaak gaat terug naar de gemeente, die de SMI moet voortzetten zolang bezwaar mogelijk is.',
      'The case goes back to the municipality, which must keep SMI running while an objection is possible.',
    ),
    danger: true,
    fields: [
      {
        name: 'reason',
        kind: 'choice',
        label: text('Reden van afwijzing', 'Reason for rejection'),
        choices: rejectionReasons.map((reason) => ({
          value: upper(reason),
          label: rejectionReasonNames[reason],
        })),
      },
      reasonField('explanation', text('Toelichting voor het gezin', 'Explanation for the family')),
      dated('decidedOn', text('Besluitdatum', 'Decision date')),
    ],
  },
  ChangeKot: {
    label: text('Toeslag wijzigen', 'Change the allowance'),
    explanation: text(
      'Een wijziging in de toegekende toeslag (bijvoorbeeld uren of uurprijs).',
      'A change to the granted allowance (for instance hours or hourly rate).',
    ),
    fields: [
      {
        name: 'changedFrom',
        kind: 'date',
        label: text('Per', 'From'),
        required: true,
        initial: today,
      },
      reasonField(),
    ],
  },
  StopKot: {
    label: text('Toeslag stoppen', 'Stop the allowance'),
    explanation: text(
      'De zaak gaat weer open: de gemeente moet de financiering veiligstellen.',
      'The case opens again: the municipality must secure funding.',
    ),
    danger: true,
    fields: [
      {
        name: 'stoppedFrom',
        kind: 'date',
        label: text('Gestopt per', 'Stopped from'),
        required: true,
        initial: today,
      },
      {
        name: 'setToZero',
        kind: 'check',
        label: text('Op nul gezet (in plaats van gestopt)', 'Set to zero (rather than stopped)'),
      },
      reasonField(),
    ],
  },
  FileObjection: {
    label: text('Bezwaar indienen', 'File an objection'),
    explanation: text('Binnen 6 weken na het besluit.', 'Within 6 weeks of the decision.'),
    fields: [
      reasonField('grounds', text('Gronden van het bezwaar', 'Grounds of the objection')),
      dated('filedOn', text('Ingediend op', 'Filed on')),
    ],
  },
  DecideObjection: {
    label: text('Beslissen op bezwaar', 'Decide on the objection'),
    explanation: text(
      'Bij een gegrond bezwaar wordt de toeslag alsnog toegekend.',
      'When the objection is upheld the allowance is granted after all.',
    ),
    fields: [
      {
        name: 'upheld',
        kind: 'check',
        label: text('Het bezwaar is gegrond', 'The objection is upheld'),
      },
      {
        name: 'grantedFrom',
        kind: 'date',
        label: text('Toegekend vanaf (bij gegrond)', 'Granted from (when upheld)'),
      },
      reasonField('explanation', text('Toelichting', 'Explanation')),
    ],
  },
  ExtendSmi: {
    label: text('SMI verlengen', 'Extend SMI'),
    explanation: text(
      'Verleng op tijd: veel gemeenten kennen SMI niet met terugwerkende kracht toe.',
      'Extend in time: many municipalities do not grant SMI retroactively.',
    ),
    fields: [
      {
        name: 'until',
        kind: 'date',
        label: text('Verlengen tot en met', 'Extend until'),
        required: true,
        initial: (ctx) => addDays(ctx.state.smi[ctx.state.smi.length - 1]?.to ?? ctx.today, 91),
      },
    ],
  },
  ReinstateSmi: {
    label: text('SMI opnieuw toekennen', 'Grant SMI again'),
    explanation: text(
      'Voor een periode zonder financiering, bijvoorbeeld na een afwijzing of stop.',
      'For a period without funding, for instance after a rejection or stop.',
    ),
    fields: [
      { name: 'from', kind: 'date', label: text('Vanaf', 'From'), required: true, initial: today },
      { name: 'until', kind: 'date', label: text('Tot en met', 'Until'), required: true },
    ],
  },
  AcceptFundingGap: {
    label: text('Gat in financiering accepteren', 'Accept a funding gap'),
    explanation: text(
      'Alleen als het gezin bewust zonder vergoeding zit. De reden is zichtbaar voor de auditor.',
      'Only when the family knowingly goes without funding. The reason is visible to the auditor.',
    ),
    danger: true,
    fields: [
      { name: 'from', kind: 'date', label: text('Vanaf', 'From'), required: true },
      {
        name: 'to',
        kind: 'date',
        label: text('Tot en met (leeg: open)', 'Until (empty: open-ended)'),
      },
      reasonField('reason', text('Waarom accepteert u dit gat?', 'Why do you accept this gap?')),
    ],
  },
  CloseCase: {
    label: text('Zaak sluiten', 'Close the case'),
    explanation: text('Met de uitkomst voor het gezin.', 'With the outcome for the family.'),
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: text('Uitkomst', 'Outcome'),
        choices: closingOutcomes.map((outcome) => ({
          value: upper(outcome),
          label: closingOutcomeNames[outcome],
        })),
        initial: (ctx) => (ctx.state.status === 'granted' ? 'KOT_GRANTED' : 'STAYS_ON_SMI'),
      },
      { name: 'note', kind: 'text', label: text('Notitie (optioneel)', 'Note (optional)') },
    ],
  },
  WithdrawCase: {
    label: text('Zaak intrekken', 'Withdraw the case'),
    explanation: text(
      'Bijvoorbeeld als het gezin geen hulp meer wil.',
      'For instance when the family no longer wants help.',
    ),
    danger: true,
    fields: [reasonField()],
  },
  ErasePersonalData: {
    label: text('Persoonsgegevens wissen', 'Erase personal data'),
    explanation: text(
      'Namen, BSN’s en geboortedatums van het gezin worden onleesbaar, voor altijd. Het verloop van de zaak blijft; de auditor ziet wie wiste, wanneer en op welke grond.',
      "The family's names, BSNs and birth dates become unreadable, for good. The course of the case stays; the auditor sees who erased, when and on which ground.",
    ),
    danger: true,
    fields: [
      {
        name: 'ground',
        kind: 'choice',
        label: text('Grond', 'Ground'),
        choices: erasureGrounds.map((ground) => ({
          value: upper(ground),
          label: erasureGroundNames[ground],
        })),
      },
      {
        name: 'reference',
        kind: 'text',
        label: text('Kenmerk van het verzoek (optioneel)', 'Reference of the request (optional)'),
        description: text('Geen naam of BSN.', 'No name or BSN.'),
      },
    ],
  },
};
