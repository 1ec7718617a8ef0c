import { accompanyingLine, planCodeOf, planKindNote, visitCountsText, visitStatusText, visitTag, withKind } from './visits';
import { emptyPlanForm, planFormHints, planRequest, validatePlanForm } from './plan-form';

const TODAY = '2026-12-06';

describe('filing a visit (回访、服务走访)', () => {
  it('switches the form to a visit: no trigger, today by default, and back', () => {
    const form = { ...emptyPlanForm(TODAY, 'B1'), itemIds: ['I1'] };
    const visit = withKind(form, 'return-visit', TODAY);
    expect(visit).toMatchObject({ kind: 'return-visit', trigger: 'planned', date: TODAY });
    expect(withKind({ ...visit, date: '2026-12-09' }, 'policy-visit', TODAY).date).toBe('2026-12-09');
    expect(withKind(visit, 'inspection', TODAY).kind).toBeUndefined();
    expect(planKindNote('return-visit')).toContain('不是行政检查');
  });

  it('needs no items or reason for a visit, and sends neither items nor a trigger of its own', () => {
    const visit = { ...emptyPlanForm(TODAY, 'B1'), creditCode: '92410202MA00091164', kind: 'return-visit' as const, date: TODAY, reason: ' 处罚后回访 ', itemIds: ['I1'] };
    expect(validatePlanForm(visit)).toEqual({});
    expect(validatePlanForm({ ...visit, officerIds: [] }).officerIds).toBeTruthy();
    expect(planFormHints(visit, TODAY, [])).toEqual([]);
    expect(planRequest(visit)).toEqual({ creditCode: '92410202MA00091164', date: TODAY, kind: 'return-visit', trigger: 'planned', officerIds: ['B1'], itemIds: [], reason: '处罚后回访' });
    // An inspection still wants its items, and its request carries no kind.
    expect(validatePlanForm({ ...visit, kind: undefined, trigger: 'planned', itemIds: [] }).itemIds).toBeTruthy();
    expect(planRequest({ ...visit, kind: undefined })).not.toHaveProperty('kind');
  });
});

describe('visits in words', () => {
  it('tags visits, not inspections', () => {
    expect(visitTag('research-visit')).toBe('走访调研');
    expect(visitTag('inspection')).toBe('');
    expect(visitTag(undefined)).toBe('');
  });

  it('names who accompanies an inspection', () => {
    expect(accompanyingLine([{ name: '王芳', agencyName: '营商环境局' }, { name: '赵强', agencyName: '' }])).toBe('陪同执法：王芳（营商环境局）、赵强');
    expect(accompanyingLine([])).toBe('');
    expect(accompanyingLine(undefined)).toBe('');
  });

  it('reads a typed plan code', () => {
    expect(planCodeOf(' jh20261201-7q3kxw ')).toBe('JH20261201-7Q3KXW');
    expect(planCodeOf('JH2026-1')).toBeNull();
  });

  it('says how often the enterprise was visited, apart and together', () => {
    const counts = { days: 365, since: '2025-12-07', inspections: 3, accompanied: 1, visits: 2, total: 5,
      byKind: [{ kind: 'return-visit' as const, label: '回访', count: 1 }, { kind: 'policy-visit' as const, label: '政策宣传', count: 0 }, { kind: 'research-visit' as const, label: '走访调研', count: 1 }] };
    expect(visitCountsText(counts)).toBe('近一年被走访 5 次：行政检查 3 次（其中陪同执法 1 次），回访 1 次，走访调研 1 次');
    expect(visitCountsText({ ...counts, accompanied: 0, visits: 0, total: 3, byKind: counts.byKind.map((k) => ({ ...k, count: 0 })) })).toBe('近一年被走访 3 次：行政检查 3 次，没有回访或服务走访');
    expect(visitStatusText({ checkedInAt: null, finishedAt: null })).toBe('待走访');
    expect(visitStatusText({ checkedInAt: 'x', finishedAt: null })).toBe('进行中');
    expect(visitStatusText({ checkedInAt: 'x', finishedAt: 'y' })).toBe('已结束');
  });
});
