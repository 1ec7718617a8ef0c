import { ErrorCode, type PlanView } from '@mashang/shared';
import { ApiError } from './api-error';
import { cancelledSummary, changeFailure, jointScenarioRefusal, moveDateHint, moveDateProblem, movedSummary, reasonProblem } from './plan-changes';

const TODAY = '2026-11-24';

function plan(overrides: Partial<PlanView> = {}): PlanView {
  return {
    id: 'p1', code: 'JH20261210-ABCDEF', agencyId: 'A001', creditCode: '9141020002W4HE406T', plannedDate: '2026-12-10', trigger: 'planned', reason: null,
    status: 'active', filedAt: '2026-11-22T01:00:00.000Z', officerIds: ['O1'], itemIds: ['I1'],
    inspection: { leadPlanId: 'p1', date: '2026-12-10', joint: false, members: [{ planId: 'p1', planCode: 'JH20261210-ABCDEF', agencyId: 'A001', agencyName: '市场监管局' }] },
    approval: null,
    ...overrides,
  };
}

describe('moving a plan', () => {
  it('asks for a real, different date that has not passed', () => {
    expect(moveDateProblem(plan(), '', TODAY)).toBe('请输入新的检查日期');
    expect(moveDateProblem(plan(), '2026-12-32', TODAY)).toContain('年-月-日');
    expect(moveDateProblem(plan(), '2026-12-10', TODAY)).toBe('新日期与原报备日期相同');
    expect(moveDateProblem(plan(), '2026-11-23', TODAY)).toContain('检查日期已过');
    expect(moveDateProblem(plan(), ' 2026-11-24 ', TODAY)).toBeNull();
  });

  it('warns of the 7-day rule for a planned inspection only', () => {
    expect(moveDateHint(plan(), '2026-11-30', TODAY)).toBe('计划检查须至少提前7个自然日，最早可改到 2026-12-01');
    expect(moveDateHint(plan(), '2026-12-01', TODAY)).toBeNull();
    expect(moveDateHint(plan({ trigger: 'complaint' }), '2026-11-25', TODAY)).toBeNull();
    expect(moveDateHint(plan(), 'soon', TODAY)).toBeNull();
  });

  it('says where the plan went, and with whom when it merged', () => {
    expect(movedSummary(plan())).toBe('已改期 JH20261210-ABCDEF，检查日期 2026年12月10日。');
    const joint = plan({
      inspection: {
        leadPlanId: 'p2', date: '2026-12-08', joint: true,
        members: [
          { planId: 'p1', planCode: 'JH20261210-ABCDEF', agencyId: 'A001', agencyName: '市场监管局' },
          { planId: 'p2', planCode: 'JH20261208-GHJKLM', agencyId: 'A005', agencyName: '消防救援支队' },
        ],
      },
    });
    expect(movedSummary(joint)).toBe('已改期 JH20261210-ABCDEF，检查日期 2026年12月8日，联合检查：消防救援支队（牵头）、市场监管局。');
    expect(cancelledSummary(plan())).toBe('已取消 JH20261210-ABCDEF（原定 2026年12月10日），取消原因已记入计划记录。');
  });
});

describe('reasons', () => {
  it('takes a cancel reason of 2 to 500 characters and an alone reason of 4 to 500', () => {
    expect(reasonProblem('cancel', ' 停 ')).toBe('请写明取消原因（至少2个字）');
    expect(reasonProblem('cancel', '停业')).toBeNull();
    expect(reasonProblem('alone', '已查')).toBe('请写明单独检查的理由（至少4个字）');
    expect(reasonProblem('alone', '消防本月已查')).toBeNull();
    expect(reasonProblem('cancel', '长'.repeat(501))).toBe('取消原因不能超过500个字');
  });
});

describe('a refused change', () => {
  it('shows the rules with their remedies, field reasons, or the message', () => {
    const refusals = [{ rule: 'advance-notice' as const, message: '须提前7日', remedy: '改到 2026-12-01 以后' }];
    expect(changeFailure(new ApiError({ status: 422, code: ErrorCode.RuleRefused, message: '不能改期', refusals }))).toEqual({ refusals, message: '' });
    expect(changeFailure(new ApiError({ status: 400, code: ErrorCode.ValidationFailed, message: 'x', fields: [{ field: 'date', reason: '检查日期已过' }] }))).toEqual({ refusals: [], message: '检查日期已过' });
    expect(changeFailure(new ApiError({ status: 409, code: ErrorCode.Conflict, message: '检查码已生成，不能改期；请取消后重新报备' })).message).toBe('检查码已生成，不能改期；请取消后重新报备');
    expect(changeFailure(new Error('boom')).message).toBe('操作失败，请稍后重试');
  });

  it('finds the joint-scenario refusal that lets the officer go alone with a reason', () => {
    const scenario = { rule: 'joint-scenario' as const, message: '消防应一同检查', remedy: '写明理由' };
    expect(jointScenarioRefusal([scenario])).toBe(scenario);
    expect(jointScenarioRefusal([{ rule: 'advance-notice', message: '', remedy: '' }])).toBeNull();
  });
});
