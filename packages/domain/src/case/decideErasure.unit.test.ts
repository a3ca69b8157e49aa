import { actors, at, caseId, given, journey, story, type Step } from '../testing';
import type { ErasePersonalData } from './commands';
import type { CaseEvent } from './events';
import { fundingCoverage } from './fundingCoverage';
import { nextStep } from './nextStep';
import { foldCase } from './state';

const s: Record<string, Step> = journey;
const erase: ErasePersonalData = {
  type: 'ErasePersonalData',
  caseId,
  ground: 'request-of-data-subject',
  reference: 'AVG-2024-017',
};
const referred = () => story([s.open!]);
const withdrawn = () =>
  story([
    s.open!,
    [
      { type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' },
      at('2024-03-08', actors.officer),
    ],
  ]);
const erasedEvent: CaseEvent = {
  type: 'PersonalDataErased',
  schemaVersion: 1,
  data: {
    erasedOn: '2024-03-20',
    ground: 'request-of-data-subject',
    reference: 'AVG-2024-017',
    by: {
      organisation: 'GM0344',
      role: 'privacy-officer',
      personId: 'u-fg-utrecht',
      name: 'Ruud Kramer',
    },
  },
};

describe('erasing a family’s personal data', () => {
  it('records who erased, when and on which ground, and nothing about the family', () => {
    given(...referred())
      .when(erase, at('2024-03-20', actors.privacyOfficer))
      .then([erasedEvent]);
  });

  it('erases a withdrawn case too: ended cases are what the retention rule erases', () => {
    given(...withdrawn())
      .when(erase, at('2024-03-20', actors.privacyOfficer))
      .then([erasedEvent]);
  });

  it('refuses to erase twice, saying when it was erased', () => {
    given(...referred(), erasedEvent)
      .when(erase, at('2024-03-21', actors.privacyOfficer))
      .thenRefuses('wrong-state', /al gewist op 2024-03-20/);
  });

  it('lets only the privacy officer of the case’s municipality erase', () => {
    for (const actor of [actors.officer, actors.bewindvoerder, actors.household]) {
      given(...referred())
        .when(erase, at('2024-03-20', actor))
        .thenRefuses('forbidden', /functionaris gegevensbescherming van gemeente GM0344/);
    }
    given(...referred())
      .when(erase, at('2024-03-20', { ...actors.privacyOfficer, organisation: 'GM0363' }))
      .thenRefuses('forbidden');
  });

  it('lets a privacy officer do nothing else on the case', () => {
    given(...referred())
      .when(
        { type: 'WithdrawCase', caseId, reason: 'Verzoek' },
        at('2024-03-20', actors.privacyOfficer),
      )
      .thenRefuses('forbidden', /alleen persoonsgegevens wissen/);
  });

  it('refuses an unknown ground and a reference longer than a request number, naming the field', () => {
    given(...referred())
      .when({ ...erase, ground: 'because' as never }, at('2024-03-20', actors.privacyOfficer))
      .thenRefuses('invalid-input', undefined, 'ground');
    given(...referred())
      .when({ ...erase, reference: 'x'.repeat(65) }, at('2024-03-20', actors.privacyOfficer))
      .thenRefuses('invalid-input', undefined, 'reference');
  });

  it('leaves the next step and the funding of the family as they were', () => {
    const before = foldCase(referred());
    const after = foldCase([...referred(), erasedEvent]);
    const now = '2024-03-25T10:00:00.000Z';
    expect(after.erasedOn).toBe('2024-03-20');
    expect(nextStep(after, now)).toEqual(nextStep(before, now));
    expect(fundingCoverage(after, now)).toEqual(fundingCoverage(before, now));
  });
});
