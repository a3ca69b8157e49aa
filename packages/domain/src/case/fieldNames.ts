// A command's field in words, for refusals a caseworker reads. The machine path
// (`household.partners[1].bsn`) stays in the refusal's `field` for the screens and APIs; the
// sentence names the field as people do ("BSN van ouder 2").
import { text, type Text } from '../text';

/** By path with list positions written as `[]`; `{n}` is the position counted from 1. */
const names: Record<string, Text> = {
  caseId: text('zaaknummer', 'case id'),
  municipality: text('gemeente', 'municipality'),
  household: text('huishouden', 'household'),
  'household.composition': text('samenstelling van het huishouden', 'household composition'),
  'household.partners': text('ouders', 'parents'),
  'household.partners[]': text('ouder {n}', 'parent {n}'),
  'household.partners[].partnerId': text('kenmerk van ouder {n}', 'reference of parent {n}'),
  'household.partners[].name': text('naam van ouder {n}', 'name of parent {n}'),
  'household.partners[].bsn': text('BSN van ouder {n}', 'BSN of parent {n}'),
  'household.partners[].birthDate': text('geboortedatum van ouder {n}', 'birth date of parent {n}'),
  'household.partners[].workStatus': text('werk van ouder {n}', 'work of parent {n}'),
  'household.partners[].wlzIndication': text(
    'Wlz-indicatie van ouder {n}',
    'Wlz-indication of parent {n}',
  ),
  'household.partners[].wlzIndication.kind': text(
    'soort Wlz-indicatie van ouder {n}',
    'kind of Wlz-indication of parent {n}',
  ),
  'household.partners[].wlzIndication.validFrom': text(
    'begindatum van de Wlz-indicatie van ouder {n}',
    'start of the Wlz-indication of parent {n}',
  ),
  'household.partners[].wlzIndication.validTo': text(
    'einddatum van de Wlz-indicatie van ouder {n}',
    'end of the Wlz-indication of parent {n}',
  ),
  children: text('kinderen', 'children'),
  'children[]': text('kind {n}', 'child {n}'),
  'children[].childId': text('kenmerk van kind {n}', 'reference of child {n}'),
  'children[].name': text('naam van kind {n}', 'name of child {n}'),
  'children[].bsn': text('BSN van kind {n}', 'BSN of child {n}'),
  'children[].birthDate': text('geboortedatum van kind {n}', 'birth date of child {n}'),
  'children[].livesAtHome': text('kind {n} woont thuis', 'child {n} lives at home'),
  'children[].childcare': text('kinderopvang van kind {n}', 'childcare of child {n}'),
  'children[].childcare.lrkNumber': text(
    'LRK-nummer van de opvang van kind {n}',
    'LRK number of the childcare of child {n}',
  ),
  'children[].childcare.careType': text(
    'soort opvang van kind {n}',
    'kind of childcare of child {n}',
  ),
  'children[].childcare.hoursPerMonth': text(
    'uren opvang per maand van kind {n}',
    'hours of childcare a month of child {n}',
  ),
  'children[].childcare.hourlyRateCents': text(
    'uurtarief van de opvang van kind {n}',
    'hourly rate of the childcare of child {n}',
  ),
  'smiPeriod.from': text('begindatum van de SMI', 'start of SMI'),
  'smiPeriod.to': text('einddatum van de SMI', 'end of SMI'),
  referredOn: text('datum van doorverwijzing', 'referral date'),
  signalledOn: text('datum van het signaal', 'date of the signal'),
  on: text('peildatum', 'date of the check'),
  'to.organisation': text('organisatie', 'organisation'),
  'to.role': text('rol', 'role'),
  'to.personId': text('persoon binnen de organisatie', 'person in the organisation'),
  'to.name': text('naam van de persoon', 'name of the person'),
  reason: text('reden', 'reason'),
  changeKind: text('soort wijziging', 'kind of change'),
  effectiveFrom: text('ingangsdatum van de wijziging', 'date the change takes effect'),
  changeId: text('wijziging', 'change'),
  workStatus: text('werk van de partner', "the partner's work"),
  childId: text('kind', 'child'),
  childcare: text('kinderopvang', 'childcare'),
  indicationKind: text('soort indicatie', 'kind of indication'),
  year: text('jaar', 'year'),
  amountCents: text('bedrag', 'amount'),
  ground: text('grond voor het wissen', 'ground for erasure'),
  reference: text('kenmerk van het verzoek', 'reference of the request'),
  mandate: text('machtiging', 'mandate'),
  'mandate.type': text('soort machtiging', 'kind of mandate'),
  'mandate.validFrom': text('begindatum van de machtiging', 'start of the mandate'),
  'mandate.validUntil': text('einddatum van de machtiging', 'end of the mandate'),
  'mandate.partnerIds': text(
    'ouders die een DigiD-machtiging gaven',
    'parents who gave a DigiD mandate',
  ),
  'mandate.partnerIds[]': text(
    'ouder {n} die een DigiD-machtiging gaf',
    'parent {n} who gave a DigiD mandate',
  ),
  'mandate.reference': text(
    'kenmerk van de machtiging of beschikking',
    'reference of the mandate or court ruling',
  ),
  'mandate.consentOf': text(
    'ouders die instemden met de aanvraag',
    'parents who consented to the application',
  ),
  'mandate.consentOf[]': text(
    'ouder {n} die instemde met de aanvraag',
    'parent {n} who consented to the application',
  ),
  channel: text('manier van aanvragen', 'way of requesting'),
  requestedOn: text('datum van de aanvraag', 'date of the request'),
  callbackExpectedOn: text('verwachte terugbeldatum', 'expected call-back date'),
  registeredOn: text('datum van registratie', 'date of registration'),
  partnerId: text('ouder', 'parent'),
  kind: text('soort indicatie', 'kind of indication'),
  validFrom: text('begindatum van de indicatie', 'start of the indication'),
  validTo: text('einddatum van de indicatie', 'end of the indication'),
  sentOn: text('verzenddatum', 'date sent'),
  requestedStart: text('gevraagde ingangsdatum', 'requested start date'),
  submittedOn: text('verzenddatum van de aanvraag', 'date the application was sent'),
  signedByBothPartners: text('handtekeningen van beide ouders', 'signatures of both parents'),
  receivedOn: text('datum van ontvangst', 'date of receipt'),
  grantedFrom: text('ingangsdatum van de toeslag', 'start date of the allowance'),
  decidedOn: text('datum van het besluit', 'date of the decision'),
  explanation: text('toelichting', 'explanation'),
  changedFrom: text('datum van de wijziging', 'date of the change'),
  stoppedFrom: text('datum waarop de toeslag stopt', 'date the allowance stops'),
  setToZero: text('op nul gezet', 'set to zero'),
  grounds: text('gronden van het bezwaar', 'grounds of the objection'),
  filedOn: text('datum van het bezwaar', 'date of the objection'),
  upheld: text('uitkomst van het bezwaar', 'outcome of the objection'),
  lateReason: text('reden van de te late indiening', 'reason for filing late'),
  lateExcused: text('te late indiening verschoonbaar', 'lateness excusable'),
  ruledOn: text('datum van de uitspraak', 'date of the ruling'),
  until: text('einddatum', 'end date'),
  lastDay: text('laatste dag van de SMI', 'last day of SMI'),
  acceptGapReason: text(
    'reden om een periode zonder vergoeding te accepteren',
    'reason to accept a period without funding',
  ),
  from: text('begindatum', 'start date'),
  to: text('einddatum', 'end date'),
  outcome: text('uitkomst', 'outcome'),
  note: text('notitie', 'note'),
};

/** The field at a machine path in words, e.g. `household.partners[1].bsn` → "BSN van ouder 2". */
export function fieldName(path: string): Text {
  const positions: number[] = [];
  const pattern = path.replace(/\[(\d+)\]/g, (_match, index: string) => {
    positions.push(Number(index) + 1);
    return '[]';
  });
  // Own names only: a caller's `__proto__` or `constructor` must not find Object's.
  const name = Object.hasOwn(names, pattern) ? names[pattern] : undefined;
  // Paths reach this function from the domain's own checks; an unnamed one still reads as a field.
  if (!name) return text(`veld ${path}`, `field ${path}`);
  const position = String(positions.at(-1) ?? '');
  return text(name.nl.replace('{n}', position), name.en.replace('{n}', position));
}

/** Whether a path has a name in words (the refusal tests check every path the domain uses). */
export const hasFieldName = (path: string): boolean =>
  Object.hasOwn(names, path.replace(/\[\d+\]/g, '[]'));
