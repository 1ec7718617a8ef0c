import { poorRating } from './rating-flags.js';

const good = { language: 5, procedure: 4, manner: 3, fairness: 5, verdict: 'approve' as const, flags: [] };

describe('poor ratings go to the supervisor', () => {
  it('lets a good rating pass, including a middling 3', () => {
    expect(poorRating(good)).toBeNull();
  });

  it('flags a disapproval as high severity even with good scores', () => {
    expect(poorRating({ ...good, verdict: 'disapprove' })).toEqual({ rule: 'disapprove', severity: 'high', reasons: ['企业不认可本次检查'] });
  });

  it('flags any dimension scored 2 or lower, naming it', () => {
    const poor = poorRating({ ...good, procedure: 2 });
    expect(poor).toMatchObject({ rule: 'low-score', severity: 'medium' });
    expect(poor!.reasons).toEqual(['执法程序是否规范：2分']);
    expect(poorRating({ ...good, fairness: 1 })!.reasons).toEqual(['执法结果是否公平：1分']);
  });

  it('flags any ticked problem, with all reasons listed and the strongest rule chosen', () => {
    expect(poorRating({ ...good, flags: ['repeated'] })).toEqual({ rule: 'problems', severity: 'medium', reasons: ['企业反映：重复检查'] });
    const all = poorRating({ language: 1, procedure: 5, manner: 5, fairness: 5, verdict: 'disapprove', flags: ['excessive', 'other'] });
    expect(all).toEqual({ rule: 'disapprove', severity: 'high', reasons: ['企业不认可本次检查', '执法语言是否文明：1分', '企业反映：滥检查', '企业反映：其他'] });
  });
});
