import {
  actsForAgency, assessmentText, caseDeadlines, dueDistance, instantText, liveAssessment, measureState, pendingReview,
  pointsText, reviewReasonsText, STAGE_FILTERS, stageShortLabel, submissionStatusText,
} from './penalty-case';
import { pageParam } from './page-param';
import { caseView, noticedView } from './penalty-fixture';

const at = (iso: string) => Date.parse(iso);

describe('instants and deadlines in Asia/Shanghai', () => {
  it('reads a period ending at midnight as its last day 24:00', () => {
    expect(instantText('2026-12-09T16:00:00.000Z')).toBe('2026-12-09 24:00');
    expect(instantText('2026-12-06T02:30:00.000Z')).toBe('2026-12-06 10:30');
  });

  it('counts the days left and overdue by Shanghai calendar days', () => {
    const end = '2026-12-09T16:00:00.000Z';
    expect(dueDistance(end, at('2026-12-06T17:00:00Z'))).toEqual({ text: '还剩2天', overdue: false });
    expect(dueDistance(end, at('2026-12-09T15:59:00Z'))).toEqual({ text: '今天截止', overdue: false });
    expect(dueDistance(end, at('2026-12-09T16:00:00Z'))).toEqual({ text: '已到期', overdue: true });
    expect(dueDistance(end, at('2026-12-11T17:00:00Z'))).toEqual({ text: '已逾期2天', overdue: true });
    expect(dueDistance('2026-12-09T02:00:00.000Z', at('2026-12-09T03:00:00Z'))).toEqual({ text: '已到期', overdue: true });
  });
});

describe('the case deadlines', () => {
  const now = at('2026-12-07T02:00:00Z');

  it('show the statement period, the hearing request and a review waiting, and what is done', () => {
    const open = caseDeadlines(noticedView({ hearingUntil: '2026-12-11T16:00:00.000Z' }), now);
    expect(open.map((d) => [d.key, d.label, d.text])).toEqual([
      ['statement', '陈述申辩期', '2026-12-09 24:00（还剩2天）'],
      ['hearing', '听证申请期', '2026-12-11 24:00（还剩4天）'],
    ]);
    const spoken = caseDeadlines(noticedView({
      hearingUntil: '2026-12-11T16:00:00.000Z', hearingRequestedAt: '2026-12-06T03:00:00.000Z',
      submissions: [{ id: 's', kind: 'statement', text: '已整改', at: '2026-12-06T03:00:00.000Z', flaggedCaseId: null, upheld: null }],
    }), now);
    expect(spoken.map((d) => d.text)).toEqual(['当事人已提出陈述申辩', '当事人已于 2026-12-06 11:00 申请听证，待举行']);
    const review = { id: 'r', caseId: 'c', reasons: ['fine' as const], fine: 6_000_000, measures: [], requestedAt: '2026-12-07T01:00:00.000Z', dueAt: '2026-12-11T16:00:00.000Z', verdict: null, opinion: null, reviewer: null, decidedAt: null };
    expect(caseDeadlines(noticedView({ stage: 'review', reviews: [review] }), now).map((d) => d.label)).toEqual(['法制审核期限']);
    expect(caseDeadlines(noticedView({ stage: 'decided', reviews: [{ ...review, verdict: 'approved' }] }), now)).toEqual([]);
  });

  it('list coercive measures in force with their term, not released ones', () => {
    const measure = { id: 'm', kind: 'seize' as const, items: '过期食品12箱', documentNo: '扣〔2026〕1号', startedAt: '2026-12-06T02:00:00.000Z', dueAt: '2027-01-05T02:00:00.000Z', extended: false, extensionReason: null, releasedAt: null, releaseReason: null };
    const rows = caseDeadlines(caseView({ coerciveMeasures: [measure, { ...measure, id: 'n', releasedAt: '2026-12-06T05:00:00.000Z' }] }), now);
    expect(rows.map((d) => [d.label, d.text])).toEqual([['扣押期限', '2027-01-05 10:00（还剩29天）']]);
  });
});

describe('the live discretion', () => {
  it('gives points, level and range as the server does, or nothing without a benchmark', () => {
    expect(liveAssessment(caseView(), ['illegal-gains', 'harm'])).toEqual({ points: 7, level: 'severe', range: { min: 3_000_000, max: 10_000_000 } });
    expect(liveAssessment(caseView(), [])).toMatchObject({ points: 0, level: 'general' });
    expect(liveAssessment(caseView(), ['first-offence'])).toMatchObject({ level: 'light' });
    expect(liveAssessment(caseView(), ['bribery'])).toBeNull();
    expect(liveAssessment(caseView({ ranges: null, bands: [] }), ['harm'])).toBeNull();
    expect(assessmentText(liveAssessment(caseView(), ['harm', 'illegal-gains'])!)).toBe('7分 · 从重 · 30,000 元 – 100,000 元');
    expect([pointsText(3), pointsText(-2), pointsText(0)]).toEqual(['+3分', '-2分', '0分']);
  });
});

describe('labels', () => {
  it('name stages, reasons and objections in Chinese', () => {
    expect(stageShortLabel('filed')).toBe('已立案');
    expect(stageShortLabel('review')).toBe('法制审核中');
    expect(STAGE_FILTERS.map((f) => f.label)).toEqual(['全部', '已立案', '已告知', '法制审核中', '已作出处罚决定', '已结案', '已撤销立案']);
    expect(reviewReasonsText(['fine', 'hearing'])).toBe('罚款数额较大、经过听证');
    const objection = { id: 's', kind: 'objection' as const, text: '', at: '', flaggedCaseId: 'f', upheld: null };
    expect(submissionStatusText(objection)).toBe('已转执法监督部门');
    expect(submissionStatusText({ ...objection, upheld: false })).toBe('执法监督认定异议不成立');
    expect(submissionStatusText({ ...objection, kind: 'statement', flaggedCaseId: null })).toBe('');
  });
});

describe('who acts, and on which measures', () => {
  it('lets only the case agency officers and admin act', () => {
    expect(actsForAgency({ role: 'officer', agencyId: 'A1' }, caseView())).toBe(true);
    expect(actsForAgency({ role: 'agency-admin', agencyId: 'A1' }, caseView())).toBe(true);
    expect(actsForAgency({ role: 'officer', agencyId: 'A2' }, caseView())).toBe(false);
    expect(actsForAgency({ role: 'supervisor', agencyId: null }, caseView())).toBe(false);
    expect(actsForAgency(null, caseView())).toBe(false);
  });

  it('extends a measure once while in force and releases it until released', () => {
    const m = { id: 'm', kind: 'seal' as const, items: 'x', documentNo: 'y', startedAt: '2026-12-01T02:00:00.000Z', dueAt: '2026-12-31T02:00:00.000Z', extended: false, extensionReason: null, releasedAt: null, releaseReason: null };
    const now = at('2026-12-10T00:00:00Z');
    expect(measureState(m, 'notified', true, now)).toMatchObject({ status: '执行中', canExtend: true, canRelease: true });
    expect(measureState({ ...m, extended: true }, 'notified', true, now)).toMatchObject({ status: '执行中（已延长一次）', canExtend: false, canRelease: true });
    expect(measureState(m, 'closed', true, now)).toMatchObject({ canExtend: false, canRelease: true });
    expect(measureState(m, 'notified', true, at('2026-12-31T02:00:00Z'))).toMatchObject({ status: '期限已届满，请依法处理', canExtend: false, tone: 'danger' });
    expect(measureState({ ...m, releasedAt: '2026-12-05T02:00:00.000Z' }, 'notified', true, now)).toMatchObject({ status: '已于 2026-12-05 10:00 解除', canRelease: false });
    expect(measureState(m, 'notified', false, now)).toMatchObject({ canExtend: false, canRelease: false });
  });

  it('finds the review waiting for a verdict', () => {
    const review = { id: 'r', caseId: 'c', reasons: [], fine: 1, measures: [], requestedAt: '', dueAt: '', verdict: 'returned' as const, opinion: '依据不足', reviewer: 'supervisor', decidedAt: '' };
    expect(pendingReview({ reviews: [review] })).toBeNull();
    expect(pendingReview({ reviews: [review, { ...review, id: 's', verdict: null }] })?.id).toBe('s');
  });
});

describe('page parameters', () => {
  it('are decoded when they can be and kept when they cannot', () => {
    expect(pageParam('AJ-20261206-0A1B2C3D')).toBe('AJ-20261206-0A1B2C3D');
    expect(pageParam('INS%3A1%20')).toBe('INS:1');
    expect(pageParam('%E0%A4%A')).toBe('%E0%A4%A');
    expect(pageParam(undefined)).toBe('');
  });
});
