import { formatRatingCode, normaliseRatingCode, RATING_CODE_ALPHABET } from './evaluation.js';

describe('rating codes', () => {
  it('accepts what a person types: any case, spaces and dashes', () => {
    expect(normaliseRatingCode('abcd-2345')).toBe('ABCD2345');
    expect(normaliseRatingCode(' ab cd 23 45 ')).toBe('ABCD2345');
    expect(normaliseRatingCode('ABCD—2345')).toBe('ABCD2345');
  });

  it('refuses the wrong length and look-alike characters the alphabet leaves out', () => {
    expect(normaliseRatingCode('ABCD234')).toBeNull();
    expect(normaliseRatingCode('ABCD23456')).toBeNull();
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) {
      expect(RATING_CODE_ALPHABET).not.toContain(lookAlike);
      expect(normaliseRatingCode(`ABCD234${lookAlike}`)).toBeNull();
    }
  });

  it('shows codes in two groups of four', () => {
    expect(formatRatingCode('ABCD2345')).toBe('ABCD-2345');
  });
});
