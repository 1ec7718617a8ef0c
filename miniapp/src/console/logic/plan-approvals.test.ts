import type { PlanApprovalView } from '@mashang/shared';
import { approvalHeadline, approvalRequest, approvalTag, APPROVAL_FILTERS } from './plan-approvals';

const PLAN = {
  id: 'P1', code: 'JH20261201-ABCDEF', agencyId: 'A1', creditCode: '91440300708461136T', plannedDate: '2026-12-01', trigger: 'complaint', reason: '12345 工单', status: 'awaiting',
  filedAt: '2026-11-22T01:00:00.000Z', officerIds: ['O1'], itemIds: ['I1'], inspection: { leadPlanId: 'P1', date: '2026-12-01', joint: false, members: [] },
  approval: { status: 'pending', when: 'prior', note: null }, enterpriseName: '老王烩面馆', agencyName: '市场监管局', officerNames: ['张伟'], itemNames: ['食品经营许可检查'],
} as PlanApprovalView;

describe('plan approval on the console', () => {
  it('reads a plan in Chinese', () => {
    expect(approvalHeadline(PLAN)).toBe('老王烩面馆 · 2026年12月1日 · 投诉举报');
    expect(approvalTag(PLAN)).toBe('待审批');
    expect(approvalTag({ ...PLAN, approval: { status: 'pending', when: 'after', note: null } })).toBe('事后待审批');
    expect(APPROVAL_FILTERS.map((f) => f.label)).toEqual(['待审批', '已批准', '已退回']);
  });

  it('approves with or without a note, returns only with reasons', () => {
    expect(approvalRequest('', '')).toEqual({ error: '请选择批准或退回' });
    expect(approvalRequest('approve', ' ')).toEqual({ request: { approve: true } });
    expect(approvalRequest('return', '否')).toEqual({ error: '退回须写明理由（至少2个字）' });
    expect(approvalRequest('return', ' 检查事项与投诉不符 ')).toEqual({ request: { approve: false, note: '检查事项与投诉不符' } });
  });
});
