import { formatRatingCode, normaliseRatingCode, RATING_CODE_ALPHABET, ratingCaseTitle } from './evaluation.js';

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

describe('the title of a poor rating\'s case', () => {
  it('names the agency and the kind of complaint, nothing the enterprise wrote or scored', () => {
    expect(ratingCaseTitle('市市场监督管理局', 'low-score')).toBe('企业差评：市市场监督管理局（评分偏低）');
    expect(ratingCaseTitle('市市场监督管理局', 'disapprove')).toBe('企业差评：市市场监督管理局（企业不认可本次检查）');
    expect(ratingCaseTitle(null, 'problems')).toBe('企业差评（企业反映存在问题）');
    expect(ratingCaseTitle('市消防救援支队', null)).toBe('企业差评：市消防救援支队（企业评价较差）');
  });
});
