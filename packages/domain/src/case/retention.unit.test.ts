import { actors, at, caseId, journey, story, type Step } from '../testing';
import { may } from './authorization';
import { foldCase } from './state';
import { casesDueForErasure, dueForErasure, retentionActor, retentionErasure } from './retention';

const s: Record<string, Step> = journey;
const withdrawnOn = (date: string) =>
  foldCase(
    story([
      s.open!,
      [{ type: 'WithdrawCase', caseId, reason: 'Gezin ziet ervan af' }, at(date, actors.officer)],
    ]),
  );

describe('retention rule: which cases are erased on a day', () => {
  const ended = withdrawnOn('2024-03-10');

  it('erases a withdrawn case on the day its retention period has passed, not the day before', () => {
    expect(dueForErasure(ended, '2024-03-19', 10)).toBe(false);
    expect(dueForErasure(ended, '2024-03-20', 10)).toBe(true);
  });

  it('never erases a case that is still open', () => {
    const open = foldCase(story([s.open!]));
    expect(dueForErasure(open, '2099-01-01', 1)).toBe(false);
  });

  it('does not erase a case twice', () => {
    expect(dueForErasure({ ...ended, erasedOn: '2024-03-21' }, '2030-01-01', 10)).toBe(false);
  });

  it('picks exactly the ended cases past their period from a list', () => {
    const cases = [
      { caseId: 'a', state: ended },
      { caseId: 'b', state: foldCase(story([s.open!])) },
      { caseId: 'c', state: withdrawnOn('2024-03-15') },
      { caseId: 'd', state: { ...ended, erasedOn: '2024-03-12' } },
    ];
    expect(casesDueForErasure(cases, '2024-03-24', 10)).toEqual(['a']);
    expect(casesDueForErasure(cases, '2024-03-25', 10)).toEqual(['a', 'c']);
  });

  it('sends the erasure as the platform, which may erase only because the period ended', () => {
    const command = retentionErasure(caseId);
    expect(may(retentionActor, command, ended, '2031-01-01T10:00:00Z').allowed).toBe(true);
    expect(
      may(
        retentionActor,
        { ...command, ground: 'request-of-data-subject' },
        ended,
        '2031-01-01T10:00:00Z',
      ).allowed,
    ).toBe(false);
  });
});
