import { addDays, ErrorCode, Role, shanghaiDate, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { EnterpriseSerial, LockedEnterprise } from '../enterprise-serial.js';
import type { FilingCheck, FilingSubject } from '../filing/filing-check.js';
import type { PlanViews } from '../listing/plan-views.js';
import type { Regrouping } from '../merging/regroup.js';
import type { PlanHistory } from '../plan-history.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';
import { DecidePlanApproval } from './decide-approval.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = shanghaiDate(NOW);
const admin1: SessionUser = { id: 2, username: 'admin1', role: Role.AgencyAdmin, displayName: '管理员', agencyId: 'A1', officerId: null };

const waiting = (date: string): Plan => ({
  id: 'P1', code: 'JH-P1', agencyId: 'A1', creditCode: '91440300708461136T', plannedDate: date, trigger: 'planned', kind: 'inspection', reason: null, status: 'awaiting',
  filedAt: NOW, filedBy: 3, leadPlanId: 'P1', aloneReason: null, checkedInAt: null, finishedAt: null, codeDueAt: null, inspectionDate: date,
  approval: 'pending', approvalWhen: 'prior', approvalNote: null, mode: 'onsite', modeReason: null,
});

/** DecidePlanApproval over fakes; `written` logs each write in order. */
function deciding(plan: Plan) {
  const written: string[] = [];
  const serial = { run: (_code: string, work: (tx: Tx, e: LockedEnterprise) => Promise<unknown>) => work({} as Tx, {} as LockedEnterprise) } as unknown as EnterpriseSerial;
  const plans = {
    creditCodeOf: async () => plan.creditCode,
    byId: async () => ({ ...plan }),
    setApproval: async (id: string, d: { approval: string; status: string; note: string | null }) => void written.push(`${id} ${d.approval}, status ${d.status}, note ${d.note}`),
  } as unknown as PlanRepository;
  // The real rule for a date gone by; the others' inspections and reviews are not in play here.
  const check = { approvalRefusals: async (_a: string, s: FilingSubject, today: string) => (s.date < today ? [{ rule: 'past-date', message: '已过', remedy: '退回' }] : []) } as unknown as FilingCheck;
  const history = { record: async (e: { kind: string; detail: unknown }) => void written.push(`event ${e.kind} ${JSON.stringify(e.detail)}`) } as unknown as PlanHistory;
  const regrouping = { regroup: async () => void written.push('regroup') } as unknown as Regrouping;
  const views = { get: async () => ({ id: plan.id }) } as unknown as PlanViews;
  const decider = new DecidePlanApproval(serial, plans, check, history, regrouping, views);
  return { decide: (user: SessionUser, approve: boolean, note?: string) => decider.decide(user, 'P1', approve, note, NOW), written };
}

const refusal = async (attempt: Promise<unknown>) => (await attempt.then(() => null, (e: DomainError) => e))!;

describe('deciding a plan waiting for approval', () => {
  it('approves: the plan becomes active, the decision is recorded, then the enterprise regroups', async () => {
    const { decide, written } = deciding(waiting(addDays(TODAY, 10)));
    await decide(admin1, true, ' 同意 ');
    expect(written).toEqual(['P1 approved, status active, note 同意', 'event approved {"when":"prior","note":"同意"}', 'regroup']);
  });

  it('returns with reasons and regroups nothing', async () => {
    const { decide, written } = deciding(waiting(addDays(TODAY, 10)));
    await decide(admin1, false, '检查事项与投诉内容不符');
    expect(written).toEqual(['P1 returned, status returned, note 检查事项与投诉内容不符', 'event returned {"when":"prior","note":"检查事项与投诉内容不符"}']);
  });

  it('refuses to approve once the date has passed, recording the refusal only', async () => {
    const { decide, written } = deciding(waiting(addDays(TODAY, -1)));
    const error = await refusal(decide(admin1, true));
    expect([error.code, error.refusals?.map((r) => r.rule)]).toEqual([ErrorCode.RuleRefused, ['past-date']]);
    expect(written).toEqual(['event refused {"approve":true,"refusals":[{"rule":"past-date","message":"已过","remedy":"退回"}]}']);
  });

  it("is the agency admin's alone: another agency's admin or an overseer is refused, writing nothing", async () => {
    const { decide, written } = deciding(waiting(addDays(TODAY, 10)));
    expect((await refusal(decide({ ...admin1, agencyId: 'A2' }, true))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(decide({ ...admin1, role: Role.Supervisor, agencyId: null }, true))).code).toBe(ErrorCode.Forbidden);
    expect(written).toEqual([]);
  });
});
