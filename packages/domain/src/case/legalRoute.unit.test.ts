// The legal route to its end: an objection also against a grant, a late one with its reason
// (Awb 6:11), the appeal to the administrative court within six weeks of the objection decision
// (Awb 6:7, counted per the Algemene termijnenwet) and the court's ruling with its effect on KOT,
// and the confirmation that a decision letter arrived (seed 000, case 2: the rejection letter that
// never reached the professional).
import {
  actors,
  at,
  caseId,
  given,
  journey as s,
  story,
  storyFrom,
  withLetterConfirmed,
} from '../testing';
import { nextStep } from './nextStep';
import { foldCase } from './state';
import { fundingCoverage } from './fundingCoverage';

const untilDecision = [
  s.open,
  s.offer,
  s.claim,
  s.request,
  s.register,
  s.confirm,
  s.forms,
  s.submit,
  s.receive,
];
// Received 2024-03-2x: the earliest start is 2024-01-01 (three months before the month received).
const granted = () => story([...untilDecision, s.grant, s.endSmi, s.letterReceived]);
const rejected = () => story([...untilDecision, s.reject, s.letterReceived]);
// SMI carries the family while the objection and the appeal run.
const objectedAndDismissed = () =>
  story([
    ...untilDecision,
    s.reject,
    s.object,
    s.dismissObjection,
    [{ type: 'ExtendSmi', caseId, until: '2025-06-30' }, at('2024-06-03', actors.officer)],
  ]);

describe('an objection against a grant', () => {
  it('takes an objection against the start date of a grant, within six weeks', () => {
    given(...granted())
      .when(
        { type: 'FileObjection', caseId, grounds: 'De toeslag moet eerder ingaan, per januari.' },
        at('2024-05-20', actors.bewindvoerder),
      )
      .thenEmits(([filed]) =>
        expect(filed).toMatchObject({ type: 'ObjectionFiled', data: { against: 'grant' } }),
      );
  });

  it('moves the start when the objection is upheld, and keeps KOT running when it is dismissed', () => {
    const objected = story([
      ...[...untilDecision, s.grant, s.endSmi, s.letterReceived],
      [
        { type: 'FileObjection', caseId, grounds: 'De toeslag moet eerder ingaan, per januari.' },
        at('2024-05-20', actors.bewindvoerder),
      ],
    ]);
    expect(nextStep(foldCase(objected), '2024-05-21T10:00:00Z')?.action).toBe('decide-objection');
    given(...objected)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          grantedFrom: '2024-01-01',
          explanation: 'Ingangsdatum aangepast.',
        },
        at('2024-06-03', actors.toeslagen),
      )
      .thenEmits((events) => {
        const after = foldCase([...objected, ...events]);
        expect(after.status).toBe('granted');
        expect(after.kot).toEqual([{ from: '2024-01-01' }]);
      });
    given(...objected)
      .when(
        { type: 'DecideObjection', caseId, upheld: false, explanation: 'De datum klopt.' },
        at('2024-06-03', actors.toeslagen),
      )
      .thenEmits((events) => {
        const after = foldCase([...objected, ...events]);
        expect(after.status).toBe('granted');
        expect(after.kot).toEqual([{ from: '2024-04-01' }]);
      });
  });
});

describe('a late objection', () => {
  it('refuses an objection after the period without a reason, saying Toeslagen weighs the lateness', () => {
    // Rejected 30 April 2024: the period ends Tuesday 11 June.
    given(...rejected())
      .when(
        { type: 'FileObjection', caseId, grounds: 'Indicatie is wel permanent, zie besluit.' },
        at('2024-06-20', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state', /ended on 2024-06-11.*excusable \(Awb 6:11\)/);
  });

  it('records a late objection with its reason and the period it missed; Toeslagen decides whether it is admissible', () => {
    const late = story([
      ...[...untilDecision, s.reject, s.letterReceived],
      [
        {
          type: 'FileObjection',
          caseId,
          grounds: 'Indicatie is wel permanent, zie besluit.',
          lateReason: 'De afwijzing kwam nooit bij de bewindvoerder aan.',
        },
        at('2024-06-20', actors.bewindvoerder),
      ],
    ]);
    expect(late.at(-1)).toMatchObject({
      type: 'ObjectionFiled',
      data: { periodEnded: '2024-06-11', lateReason: expect.any(String) },
    });
    expect(nextStep(foldCase(late), '2024-06-21T10:00:00Z')?.description.en).toMatch(
      /came after its period: first decide whether that is excusable/,
    );
    given(...late)
      .when(
        { type: 'DecideObjection', caseId, upheld: false, explanation: 'Te laat.' },
        at('2024-07-01', actors.toeslagen),
      )
      .thenRefuses('invalid-input', /whether the lateness is excusable/, 'lateExcused');
    given(...late)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          lateExcused: false,
          grantedFrom: '2024-04-01',
          explanation: 'Te laat.',
        },
        at('2024-07-01', actors.toeslagen),
      )
      .thenRefuses('invalid-input', /inadmissible and cannot be upheld/, 'upheld');
    given(...late)
      .when(
        {
          type: 'DecideObjection',
          caseId,
          upheld: true,
          lateExcused: true,
          grantedFrom: '2024-04-01',
          explanation: 'Verschoonbaar: de brief kwam niet aan.',
        },
        at('2024-07-01', actors.toeslagen),
      )
      .thenEmits(([decided]) =>
        expect(decided).toMatchObject({ data: { upheld: true, lateExcused: true } }),
      );
  });
});

describe('the appeal to the administrative court', () => {
  it('offers the appeal with its six-week deadline once the objection is dismissed', () => {
    // Objection decided Monday 3 June 2024: six weeks end Monday 15 July.
    const state = withLetterConfirmed(foldCase(objectedAndDismissed()));
    expect(nextStep(state, '2024-06-04T10:00:00Z')).toMatchObject({
      action: 'appeal-or-reapply',
      responsible: { organisation: 'org-bewind-horizon' },
      due: '2024-07-15',
      deadline: { date: '2024-07-15' },
    });
  });

  it('ends the appeal period on the next working day when six weeks end on a holiday (Atw)', () => {
    // An objection decided on Thursday 14 November 2024 would end on Boxing Day: the period
    // runs to Friday 27 December... which a decree equated to a holiday, so Monday 30 December.
    const decided = story([
      ...untilDecision,
      s.reject,
      s.object,
      [
        { type: 'DecideObjection', caseId, upheld: false, explanation: 'Ongegrond.' },
        at('2024-11-14', actors.toeslagen),
      ],
      [{ type: 'ExtendSmi', caseId, until: '2025-06-30' }, at('2024-11-14', actors.officer)],
    ]);
    const state = withLetterConfirmed(foldCase(decided));
    expect(nextStep(state, '2024-11-15T10:00:00Z')?.deadline?.date).toBe('2024-12-30');
  });

  it('refuses an appeal before any objection was decided', () => {
    given(...rejected())
      .when(
        { type: 'FileAppeal', caseId, grounds: 'De afwijzing klopt niet, zie het besluit.' },
        at('2024-05-06', actors.bewindvoerder),
      )
      .thenRefuses('wrong-state', /follows the decision on an objection/);
  });

  it('puts the court case on Toeslagen’s list and, on an upheld appeal with a start date, grants KOT from it', () => {
    const events = objectedAndDismissed();
    const inCourt = [...events, ...storyFrom(events, [s.appeal])];
    expect(foldCase(inCourt).status).toBe('appeal');
    expect(nextStep(foldCase(inCourt), '2024-06-11T10:00:00Z')).toMatchObject({
      action: 'record-court-ruling',
      responsible: { role: 'toeslagen-officer' },
    });
    given(...inCourt)
      .when(
        {
          type: 'RecordCourtRuling',
          caseId,
          outcome: 'upheld',
          grantedFrom: '2024-04-01',
          explanation: 'De rechtbank voorziet zelf: de indicatie is permanent.',
        },
        at('2024-11-20', actors.toeslagen),
      )
      .thenEmits((added) => {
        const after = foldCase([...inCourt, ...added]);
        expect(after.status).toBe('granted');
        expect(after.kot).toEqual([{ from: '2024-04-01' }]);
        expect(fundingCoverage(after, '2024-11-21T10:00:00Z').gaps).toEqual([]);
      });
  });

  it('sends an objection back to Toeslagen when the court upholds the appeal without a start date, and leaves the rejection when it dismisses it', () => {
    const inCourt = storyFrom(objectedAndDismissed(), [s.appeal]);
    const all = [...objectedAndDismissed(), ...inCourt];
    given(...all)
      .when(
        {
          type: 'RecordCourtRuling',
          caseId,
          outcome: 'upheld',
          explanation: 'Vernietigd; Toeslagen moet opnieuw beslissen.',
        },
        at('2024-11-20', actors.toeslagen),
      )
      .thenEmits((added) => {
        const after = foldCase([...all, ...added]);
        expect(after.status).toBe('objection');
        expect(nextStep(after, '2024-11-21T10:00:00Z')).toMatchObject({
          action: 'decide-objection',
          since: '2024-11-20',
        });
      });
    given(...all)
      .when(
        {
          type: 'RecordCourtRuling',
          caseId,
          outcome: 'dismissed',
          explanation: 'Het beroep is ongegrond.',
        },
        at('2024-11-20', actors.toeslagen),
      )
      .thenEmits((added) => {
        const after = foldCase([...all, ...added]);
        expect(after.status).toBe('rejected');
        expect(nextStep(after, '2024-11-21T10:00:00Z')?.action).toBe('confirm-decision-received');
      });
    given(...all)
      .when(
        { type: 'RecordCourtRuling', caseId, outcome: 'dismissed', explanation: 'Ongegrond.' },
        at('2024-11-20', actors.bewindvoerder),
      )
      .thenRefuses('forbidden', /Only Dienst Toeslagen records this step/);
  });
});

describe('the decision letter reached the family', () => {
  it('asks the claimant to confirm, lets them confirm once, and then shows the way forward', () => {
    const decided = story([...untilDecision, s.reject]);
    expect(nextStep(foldCase(decided), '2024-05-01T10:00:00Z')).toMatchObject({
      action: 'confirm-decision-received',
      due: '2024-05-07',
      escalateTo: { role: 'smi-officer' },
    });
    const confirmed = [...decided, ...storyFrom(decided, [s.letterReceived])];
    expect(confirmed.at(-1)).toMatchObject({
      type: 'DecisionReceiptConfirmed',
      data: { decidedOn: '2024-04-30', channel: 'berichtenbox', by: { role: 'bewindvoerder' } },
    });
    expect(nextStep(foldCase(confirmed), '2024-05-02T10:00:00Z')?.action).toBe('reapply-or-object');
    given(...confirmed)
      .when(s.letterReceived[0], at('2024-05-02', actors.bewindvoerder))
      .thenRefuses('wrong-state', /already confirmed/);
  });

  it('lets the household confirm for itself, which leaves the claimant’s confirmation open', () => {
    const decided = story([...untilDecision, s.reject]);
    const byHousehold = storyFrom(decided, [
      [
        { type: 'ConfirmDecisionReceived', caseId, channel: 'post', receivedOn: '2024-05-02' },
        at('2024-05-03', actors.household),
      ],
    ]);
    expect(byHousehold[0]).toMatchObject({ data: { channel: 'post', by: { role: 'household' } } });
    expect(nextStep(foldCase([...decided, ...byHousehold]), '2024-05-03T10:00:00Z')?.action).toBe(
      'confirm-decision-received',
    );
  });

  it('refuses a confirmation dated before the decision or by someone outside the case', () => {
    const decided = story([...untilDecision, s.reject]);
    given(...decided)
      .when(
        { type: 'ConfirmDecisionReceived', caseId, channel: 'post', receivedOn: '2024-04-29' },
        at('2024-05-02', actors.bewindvoerder),
      )
      .thenRefuses('invalid-input', /before the date of the decision/, 'receivedOn');
    given(...decided)
      .when(
        { type: 'ConfirmDecisionReceived', caseId, channel: 'post' },
        at('2024-05-02', actors.rivalBewindvoerder),
      )
      .thenRefuses('forbidden');
  });
});
