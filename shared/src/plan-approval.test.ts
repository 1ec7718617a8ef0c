import { planApprovalLabel, planApprovalLine } from './plan-approval.js';

describe('plan approval in words', () => {
  it('tags and explains each state, prior and after the fact', () => {
    expect(planApprovalLabel(null)).toBe('');
    expect(planApprovalLabel({ status: 'pending', when: 'prior', note: null })).toBe('待审批');
    expect(planApprovalLabel({ status: 'pending', when: 'after', note: null })).toBe('事后待审批');
    expect(planApprovalLabel({ status: 'returned', when: 'prior', note: 'x' })).toBe('已退回');
    expect(planApprovalLine({ status: 'pending', when: 'prior', note: null })).toBe('待本部门负责人审批；批准后参与合并、生成检查码');
    expect(planApprovalLine({ status: 'returned', when: 'prior', note: '检查事项与投诉内容不符' })).toBe('负责人退回，计划不再执行：检查事项与投诉内容不符；如需检查请按意见重新报备');
    expect(planApprovalLine({ status: 'approved', when: 'after', note: null })).toBe('负责人已批准');
  });
});
