import { ErrorCode } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import { approvalDecision, approvalRefusal, approvalState, approvalWhen } from './approval-rules.js';

const refusedBy = (work: () => unknown): DomainError => {
  try {
    work();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('plan approval rules', () => {
  it('approves an emergency afterwards and anything else before, where the agency requires it', () => {
    expect(approvalWhen('planned', true)).toBe('prior');
    expect(approvalWhen('complaint', true)).toBe('prior');
    expect(approvalWhen('emergency', true)).toBe('after');
    expect(approvalWhen('planned', false)).toBeNull();
  });

  it('shows the state; a plan without approval shows none', () => {
    expect(approvalState({ approval: null, approvalWhen: null, approvalNote: null })).toBeNull();
    expect(approvalState({ approval: 'returned', approvalWhen: 'prior', approvalNote: '事项不符' })).toEqual({ status: 'returned', when: 'prior', note: '事项不符' });
  });

  it('refuses a code while the plan waits or once it is returned, each with what to do', () => {
    expect(approvalRefusal({ status: 'active' })).toBeNull();
    expect(approvalRefusal({ status: 'awaiting' })).toMatchObject({ rule: 'plan-approval', remedy: expect.stringContaining('计划审批') });
    expect(approvalRefusal({ status: 'returned' })).toMatchObject({ rule: 'plan-approval', remedy: expect.stringContaining('重新报备') });
  });

  it('approves a waiting plan into an active one and returns it closed, with reasons', () => {
    const waiting = { status: 'awaiting', approval: 'pending', approvalWhen: 'prior' };
    expect(approvalDecision(waiting, true, undefined)).toEqual({ approval: 'approved', note: null, status: 'active' });
    expect(approvalDecision(waiting, false, ' 检查事项与投诉内容不符 ')).toEqual({ approval: 'returned', note: '检查事项与投诉内容不符', status: 'returned' });
    const missing = refusedBy(() => approvalDecision(waiting, false, ' '));
    expect([missing.code, missing.fields]).toEqual([ErrorCode.ValidationFailed, [{ field: 'note', reason: '退回须写明理由（至少2个字）' }]]);
  });

  it('leaves an emergency approved afterwards active either way', () => {
    const emergency = { status: 'active', approval: 'pending', approvalWhen: 'after' };
    expect(approvalDecision(emergency, false, '不属于紧急情形')).toEqual({ approval: 'returned', note: '不属于紧急情形', status: 'active' });
  });

  it('decides once, and never a cancelled plan or one needing no approval', () => {
    expect(refusedBy(() => approvalDecision({ status: 'active', approval: 'approved', approvalWhen: 'prior' }, true, '')).message).toBe('该计划已审批');
    expect(refusedBy(() => approvalDecision({ status: 'cancelled', approval: 'pending', approvalWhen: 'prior' }, true, '')).code).toBe(ErrorCode.Conflict);
    expect(refusedBy(() => approvalDecision({ status: 'active', approval: null, approvalWhen: null }, true, '')).message).toBe('本部门的计划无需审批');
  });
});
