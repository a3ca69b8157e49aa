// What each recording action asks for, in the order a desk worker fills it in. The fields are the
// GraphQL input fields of the command; the form sends exactly these (plus the case id).
import {
  addDays,
  eligibility,
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
  | {
      name: string;
      kind: 'text';
      label: Text;
      required?: boolean;
      description?: Text;
      /** Required only in some cases (a reason to apply anyway when the check says no). */
      requiredWhen?(ctx: FormContext): boolean;
      /** Shown only in some cases; a field not shown is not sent. */
      shownWhen?(ctx: FormContext): boolean;
    }
  | {
      name: string;
      kind: 'choice';
      label: Text;
      choices: Array<{ value: string; label: Text }>;
      /** Choices start empty ("Kies…") and must be made; only a harmless one may be preset. */
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
  /**
   * What recording it will do, in a sentence shown with the filled-in values before it is
   * recorded; null when this case needs no confirmation. Steps hard to undo confirm first.
   */
  confirm?(ctx: FormContext): Text | null;
}

/** The eligibility check says a clear no today: going on needs a reason and a confirmation. */
export const checkSaysNo = (ctx: FormContext): boolean =>
  ctx.state.household !== null && eligibility(ctx.state, ctx.today).verdict === 'no';

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

/** A choice that starts unmade: an empty value is left out and the API asks for it in words. */
const unmade = { value: '', label: text('Kies…', 'Choose…') };

/**
 * Changes of circumstances that fit a flat form. The case page records changes with
 * HouseholdChangeForm, which also asks for a child who joined and a child's childcare (nested
 * inputs); this spec still names the action.
 */
const changeKinds: Array<{ value: string; label: Text }> = [
  {
    value: 'PARTNER_WORK',
    label: text('Een partner gaat werken of stopt', 'A partner starts or stops working'),
  },
  { value: 'SEPARATION', label: text('De partners gaan uit elkaar', 'The partners separate') },
  {
    value: 'CHILDCARE_ENDED',
    label: text('Een kind stopt met de opvang', 'A child leaves childcare'),
  },
  {
    value: 'INDICATION_CHANGED',
    label: text(
      'De Wlz-indicatie is verlengd of gewijzigd',
      'The Wlz-indication was extended or changed',
    ),
  },
  {
    value: 'INDICATION_ENDED',
    label: text('De Wlz-indicatie is beëindigd', 'The Wlz-indication ended'),
  },
];

const workStatusChoices: Array<{ value: string; label: Text }> = [
  { value: 'EMPLOYED', label: text('Werkt in loondienst', 'Employed') },
  { value: 'SELF_EMPLOYED', label: text('Werkt als zelfstandige', 'Self-employed') },
  { value: 'ROUTE_TO_WORK', label: text('Volgt een traject naar werk', 'Follows a route to work') },
  { value: 'VOLUNTEERING', label: text('Vrijwilligerswerk', 'Volunteering') },
  { value: 'DAY_ACTIVITIES', label: text('Dagbesteding', 'Day activities') },
  { value: 'NONE', label: text('Werkt niet', 'Does not work') },
];

/** The change the form passes on or records processed: the case view names them change-1, …. */
const changeIdField: FieldSpec = {
  name: 'changeId',
  kind: 'text',
  label: text('Wijziging (bijvoorbeeld change-1)', 'Change (for example change-1)'),
  required: true,
};

export const commandForms: Partial<Record<CaseCommandType, CommandFormSpec>> = {
  RecordHouseholdChange: {
    label: text('Wijziging in het gezin vastleggen', 'Record a change in the household'),
    explanation: text(
      'Het recht wordt vanaf de ingangsdatum opnieuw beoordeeld. Loopt er kinderopvangtoeslag, geef de wijziging dan ook door aan Dienst Toeslagen.',
      'The right is re-assessed from the date it takes effect. While the allowance runs, also pass the change to Dienst Toeslagen.',
    ),
    fields: [
      {
        name: 'changeKind',
        kind: 'choice',
        label: text('Wat is er veranderd', 'What changed'),
        choices: [unmade, ...changeKinds],
      },
      {
        name: 'effectiveFrom',
        kind: 'date',
        label: text('Ingangsdatum', 'Takes effect on'),
        required: true,
      },
      { name: 'partnerId', kind: 'partner', label: text('Welke ouder', 'Which parent') },
      {
        name: 'workStatus',
        kind: 'choice',
        label: text('Werk van die ouder (bij werk)', "That parent's work (for work)"),
        choices: [unmade, ...workStatusChoices],
      },
      {
        name: 'childId',
        kind: 'text',
        label: text(
          'Kind (bij opvang gestopt, bijvoorbeeld c1)',
          'Child (when childcare ended, e.g. c1)',
        ),
      },
      {
        name: 'indicationKind',
        kind: 'choice',
        label: text('Soort indicatie (bij gewijzigd)', 'Kind of indication (when changed)'),
        choices: [
          unmade,
          { value: 'PERMANENT', label: text('Permanent', 'Permanent') },
          { value: 'TEMPORARY', label: text('Tijdelijk', 'Temporary') },
        ],
      },
      {
        name: 'validTo',
        kind: 'date',
        label: text('Geldig tot en met (bij tijdelijk)', 'Valid until (when temporary)'),
      },
    ],
  },
  PassChangeToToeslagen: {
    label: text('Wijziging doorgegeven aan Toeslagen', 'Change passed to Toeslagen'),
    explanation: text(
      'Leg vast dat de wijziging aan Dienst Toeslagen is doorgegeven; zolang dat niet gebeurt, kan te veel betaalde toeslag worden teruggevorderd.',
      'Record that the change was passed to Dienst Toeslagen; until then an allowance paid too much may be reclaimed.',
    ),
    fields: [changeIdField],
  },
  RecordChangeProcessed: {
    label: text('Wijziging verwerkt', 'Change processed'),
    explanation: text(
      'Leg vast dat de doorgegeven wijziging verwerkt is; wijzig of stop de toeslag apart als het recht verandert.',
      'Record that the change passed on was processed; change or stop the allowance separately if the right changes.',
    ),
    fields: [changeIdField],
  },
  CorrectIndicatedPartner: {
    label: text('Ouder met de indicatie corrigeren', 'Correct the parent with the indication'),
    explanation: text(
      'De Wlz-indicatie stond op de verkeerde ouder. Het recht is onbekend tot CIZ de indicatie van de juiste ouder bevestigt; de auditor ziet de correctie en de reden.',
      "The Wlz-indication was recorded on the wrong parent. The right is unknown until CIZ confirms the right parent's indication; the auditor sees the correction and its reason.",
    ),
    fields: [
      {
        name: 'partnerId',
        kind: 'partner',
        label: text('Ouder die de indicatie heeft', 'Parent who holds the indication'),
      },
      reasonField('reason', text('Waarom het fout stond', 'Why it was wrong')),
    ],
  },
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
        label: text('Reden om toch aan te vragen', 'Reason to apply anyway'),
        description: text(
          'De controle zegt dat het gezin niet in aanmerking komt. Leg vast waarom het gezin toch aanvraagt.',
          'The check says the family does not qualify. Record why the family applies anyway.',
        ),
        requiredWhen: checkSaysNo,
        shownWhen: checkSaysNo,
      },
    ],
    confirm: (ctx) =>
      checkSaysNo(ctx)
        ? text(
            'Het gezin voldoet volgens de controle niet aan de voorwaarden. Toeslagen behandelt de aanvraag toch; bij een afwijzing moet de gemeente de SMI voortzetten zolang bezwaar mogelijk is.',
            'According to the check the family does not meet the conditions. Toeslagen handles the application all the same; after a rejection the municipality must keep SMI running while an objection is possible.',
          )
        : null,
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
    confirm: () =>
      text(
        'De aanvraag wordt afgewezen. Het gezin krijgt geen kinderopvangtoeslag; de gemeente moet de SMI voortzetten zolang bezwaar mogelijk is (6 weken).',
        'The application is rejected. The family gets no childcare allowance; the municipality must keep SMI running while an objection is possible (6 weeks).',
      ),
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
    confirm: () =>
      text(
        'De kinderopvangtoeslag stopt. De zaak gaat weer open en de gemeente moet de opvang vanaf die dag op een andere manier betalen, of het gat accepteren.',
        'The childcare allowance stops. The case opens again and the municipality must fund the childcare from that day another way, or accept the gap.',
      ),
  },
  FileObjection: {
    label: text('Bezwaar indienen', 'File an objection'),
    explanation: text('Binnen 6 weken na het besluit.', 'Within 6 weeks of the decision.'),
    fields: [
      reasonField('grounds', text('Gronden van het bezwaar', 'Grounds of the objection')),
      dated('filedOn', text('Ingediend op', 'Filed on')),
      {
        name: 'lateReason',
        kind: 'text',
        label: text(
          'Reden van te late indiening (alleen na de termijn)',
          'Reason for filing late (only after the period)',
        ),
        description: text(
          'Dienst Toeslagen beslist of de te late indiening verschoonbaar is (Awb 6:11).',
          'Dienst Toeslagen decides whether the lateness is excusable (Awb 6:11).',
        ),
      },
    ],
  },
  FileAppeal: {
    label: text('In beroep gaan bij de rechtbank', 'Appeal to the court'),
    explanation: text(
      'Binnen 6 weken na de beslissing op het bezwaar (Awb 6:7).',
      'Within 6 weeks of the decision on the objection (Awb 6:7).',
    ),
    fields: [
      reasonField('grounds', text('Gronden van het beroep', 'Grounds of the appeal')),
      dated('filedOn', text('Ingesteld op', 'Filed on')),
      {
        name: 'lateReason',
        kind: 'text',
        label: text(
          'Reden van te late indiening (alleen na de termijn)',
          'Reason for filing late (only after the period)',
        ),
      },
    ],
  },
  RecordCourtRuling: {
    label: text('Uitspraak van de rechtbank vastleggen', "Record the court's ruling"),
    explanation: text(
      'Gegrond met een ingangsdatum: de toeslag loopt vanaf die datum. Gegrond zonder datum: Toeslagen beslist opnieuw op het bezwaar. Ongegrond: het besluit blijft staan.',
      'Upheld with a start date: the allowance runs from that date. Upheld without one: Toeslagen decides on the objection anew. Dismissed: the decision stands.',
    ),
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: text('Uitspraak', 'Ruling'),
        choices: [
          { value: 'UPHELD', label: text('Beroep gegrond', 'Appeal upheld') },
          { value: 'DISMISSED', label: text('Beroep ongegrond', 'Appeal dismissed') },
        ],
      },
      {
        name: 'grantedFrom',
        kind: 'date',
        label: text('Toeslag vanaf (bij gegrond)', 'Allowance from (when upheld)'),
      },
      dated('ruledOn', text('Datum van de uitspraak', 'Date of the ruling')),
      reasonField('explanation', text('Toelichting', 'Explanation')),
    ],
  },
  ConfirmDecisionReceived: {
    label: text('Besluit is aangekomen', 'The decision arrived'),
    explanation: text(
      'Bevestig dat het laatste besluit u (en het gezin) heeft bereikt; de termijn voor bezwaar of beroep loopt al.',
      'Confirm that the latest decision reached you (and the family); the period for an objection or appeal is already running.',
    ),
    fields: [
      {
        name: 'channel',
        kind: 'choice',
        label: text('Hoe kwam het besluit aan?', 'How did the decision arrive?'),
        choices: [
          { value: 'BERICHTENBOX', label: text('Berichtenbox', 'Berichtenbox') },
          { value: 'POST', label: text('Per post', 'By post') },
        ],
      },
      dated('receivedOn', text('Ontvangen op', 'Received on')),
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
      {
        name: 'lateExcused',
        kind: 'check',
        label: text(
          'Te laat ingediend, maar verschoonbaar (alleen bij een te laat bezwaar)',
          'Filed late, but excusably (only for a late objection)',
        ),
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
    confirm: () =>
      text(
        'Het gezin heeft in deze periode geen SMI en geen kinderopvangtoeslag. Het platform waarschuwt hier dan niet meer voor; uw reden is zichtbaar voor de auditor.',
        'The family has neither SMI nor childcare allowance in this period. The platform no longer warns about it; your reason is visible to the auditor.',
      ),
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
      },
      { name: 'note', kind: 'text', label: text('Notitie (optioneel)', 'Note (optional)') },
    ],
    confirm: () =>
      text(
        'De zaak wordt gesloten met deze uitkomst en het traject is klaar. Dagen zonder financiering blijven wel bij de gemeente in beeld.',
        'The case is closed with this outcome and the journey ends. Days without funding do stay in view of the municipality.',
      ),
  },
  WithdrawCase: {
    label: text('Zaak intrekken', 'Withdraw the case'),
    explanation: text(
      'Bijvoorbeeld als het gezin geen hulp meer wil.',
      'For instance when the family no longer wants help.',
    ),
    danger: true,
    fields: [reasonField()],
    confirm: () =>
      text(
        'De zaak wordt ingetrokken: het traject stopt voor iedereen en kan niet worden hervat. Een nieuwe hulpvraag is een nieuwe doorverwijzing.',
        'The case is withdrawn: the journey stops for everyone and cannot be resumed. A new request for help is a new referral.',
      ),
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
