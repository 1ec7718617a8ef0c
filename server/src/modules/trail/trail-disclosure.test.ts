import { disclosedDetail } from './trail-disclosure.js';

const digest = 'ab'.repeat(32);

describe('what an agency reads of its trail', () => {
  it('of a rating: that it happened and its digest, also of entries written with the content before', () => {
    expect(disclosedDetail('rated', { agencyId: 'A1', ratingDigest: digest }, 'agency')).toEqual({ agencyId: 'A1', ratingDigest: digest });
    const old = { agencyId: 'A1', language: 1, procedure: 2, manner: 1, fairness: 1, verdict: 'disapprove', flags: ['repeated'], comment: '态度差' };
    expect(disclosedDetail('rated', old, 'agency')).toEqual({ agencyId: 'A1' });
    expect(disclosedDetail('rated', old, 'overseer')).toBe(old);
  });

  it('of a case a rating raised: not its title; other cases and entries as stored', () => {
    const rating = { caseId: 'c1', source: 'rating', rule: 'low-score', title: '企业差评：市市场监督管理局（执法语言是否文明：1分）' };
    expect(disclosedDetail('flagged', rating, 'agency')).toEqual({ caseId: 'c1', source: 'rating', rule: 'low-score' });
    expect(disclosedDetail('flagged', rating, 'overseer')).toBe(rating);
    const anomaly = { caseId: 'c2', source: 'anomaly', rule: 'repeated-inspection', title: '同一部门重复检查' };
    expect(disclosedDetail('flagged', anomaly, 'agency')).toBe(anomaly);
    const finding = { item: '食品经营许可检查', outcome: 'pass', note: '良好' };
    expect(disclosedDetail('finding', finding, 'agency')).toBe(finding);
  });
});
