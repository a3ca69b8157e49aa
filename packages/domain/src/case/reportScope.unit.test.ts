import { actors } from '../testing';
import { reportScope } from './reportScope';

describe('reportScope', () => {
  it('gives officers their own municipality, also when they name it', () => {
    expect(reportScope(actors.officer, null)).toEqual({ allowed: true, municipality: 'GM0344' });
    expect(reportScope(actors.officer, 'GM0344')).toEqual({
      allowed: true,
      municipality: 'GM0344',
    });
    expect(reportScope(actors.officer, 'GM0193')).toEqual({
      allowed: false,
      reason: 'municipality',
    });
  });

  it('gives auditors and Toeslagen any municipality or the whole country', () => {
    expect(reportScope(actors.auditor, null)).toEqual({ allowed: true, municipality: null });
    expect(reportScope(actors.toeslagen, 'GM0193')).toEqual({
      allowed: true,
      municipality: 'GM0193',
    });
  });

  it('refuses supporters and CIZ', () => {
    expect(reportScope(actors.bewindvoerder, null)).toEqual({ allowed: false, reason: 'role' });
    expect(reportScope(actors.ciz, null)).toEqual({ allowed: false, reason: 'role' });
  });
});
