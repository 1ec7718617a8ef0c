import { acceptsEvidence, defaultCheckMode, modeNeedsReason, offsiteActions, offsiteShare } from './offsite.js';

describe('off-site checks (非现场监管)', () => {
  it('checks a 无感监管 enterprise off-site on a routine plan, on site when something triggered it', () => {
    expect(defaultCheckMode('planned', true)).toBe('offsite');
    expect(defaultCheckMode('complaint', true)).toBe('onsite');
    expect(defaultCheckMode('emergency', true)).toBe('onsite');
    expect(defaultCheckMode('planned', false)).toBe('onsite');
  });

  it('asks for a reason only to visit a 无感监管 enterprise on site without a trigger', () => {
    expect(modeNeedsReason('onsite', 'planned', true)).toBe(true);
    expect(modeNeedsReason('offsite', 'planned', true)).toBe(false);
    expect(modeNeedsReason('onsite', 'complaint', true)).toBe(false);
    expect(modeNeedsReason('onsite', 'planned', false)).toBe(false);
  });

  it('takes evidence until the officer decides', () => {
    expect(acceptsEvidence('asked')).toBe(true);
    expect(acceptsEvidence('answered')).toBe(true);
    expect(acceptsEvidence('accepted')).toBe(false);
    expect(acceptsEvidence('converted')).toBe(false);
  });

  it('lets the officer accept or ask again only once answered, and convert until decided', () => {
    expect(offsiteActions('asked')).toEqual({ accept: false, askAgain: false, convert: true });
    expect(offsiteActions('answered')).toEqual({ accept: true, askAgain: true, convert: true });
    expect(offsiteActions('accepted')).toEqual({ accept: false, askAgain: false, convert: false });
  });

  it('gives the share with three decimals, 0 without checks', () => {
    expect(offsiteShare(1, 3)).toBe(0.333);
    expect(offsiteShare(0, 0)).toBe(0);
    expect(offsiteShare(4, 4)).toBe(1);
  });
});
