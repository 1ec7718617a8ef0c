import { caseView } from '../../logic/penalty-fixture';
import { flaggedPenaltyCaseId, mayReview, verdictRequest } from './penalty';

const waiting = { id: 'r', caseId: 'c', reasons: ['fine' as const], fine: 6_000_000, measures: [], requestedAt: '', dueAt: '', verdict: null, opinion: null, reviewer: null, decidedAt: null };

describe('legal review in the console', () => {
  it('is given by supervisors, and by the agency admin of the case agency, while a review waits', () => {
    const view = caseView({ stage: 'review', reviews: [waiting] });
    expect(mayReview({ role: 'supervisor', agencyId: null }, view)).toBe(true);
    expect(mayReview({ role: 'agency-admin', agencyId: 'A1' }, view)).toBe(true);
    expect(mayReview({ role: 'agency-admin', agencyId: 'A2' }, view)).toBe(false);
    expect(mayReview({ role: 'discipline', agencyId: null }, view)).toBe(false);
    expect(mayReview({ role: 'officer', agencyId: 'A1' }, view)).toBe(false);
    expect(mayReview({ role: 'supervisor', agencyId: null }, caseView({ reviews: [{ ...waiting, verdict: 'approved' }] }))).toBe(false);
  });

  it('wants a verdict and an opinion', () => {
    expect(verdictRequest(null, '同意')).toEqual({ error: '请选择审核意见：审核通过或退回修改' });
    expect(verdictRequest('returned', ' ')).toEqual({ error: '请写明退回的理由和修改意见（至少2个字）' });
    expect(verdictRequest('approved', ' 事实清楚 ')).toEqual({ request: { verdict: 'approved', opinion: '事实清楚' } });
  });
});

describe('flagged cases about a penalty case', () => {
  it('are objections and fines outside the range, which name the case in their evidence', () => {
    expect(flaggedPenaltyCaseId({ source: 'objection', evidence: { caseId: 'AJ-1' } })).toBe('AJ-1');
    expect(flaggedPenaltyCaseId({ source: 'discretion', evidence: { caseId: 'AJ-2' } })).toBe('AJ-2');
    expect(flaggedPenaltyCaseId({ source: 'rating', evidence: { caseId: 'AJ-3' } })).toBeNull();
    expect(flaggedPenaltyCaseId({ source: 'objection', evidence: {} })).toBeNull();
  });
});
