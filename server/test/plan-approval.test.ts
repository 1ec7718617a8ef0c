import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const SHOP = buildCreditCode('92410202', 'MA001201');
const MILL = buildCreditCode('92410202', 'MA001202');

describe('plan approval (计划审批): where an agency requires it, plans wait for its head', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const file = (user: string, creditCode: string, date: string, extra: Record<string, unknown> = {}) =>
    call(t.app, 'POST', '/api/plans', { token: tokens[user], body: { creditCode, date, trigger: 'planned', officerIds: [user === 'officer1' ? 'O1' : 'O2'], itemIds: [user === 'officer1' ? 'I1' : 'I2'], ...extra } });
  const decide = (user: string, id: string, body: Record<string, unknown>) => call(t.app, 'POST', `/api/plans/${id}/approval`, { token: tokens[user], body });

  beforeAll(async () => {
    t = await startTestApp('plan_approval');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', '餐饮服务', '410204', 'C'), (?, '开封市鼓楼区面粉厂', '食品生产', '410204', 'C')", [SHOP, MILL]);
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1', 'officer2']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  it('is a setting of the agency, kept by supervisors and in the register history', async () => {
    expect((await call(t.app, 'PATCH', '/api/registry/agencies/A1', { token: tokens.admin1, body: { planApproval: true } })).status).toBe(403);
    const set = await call(t.app, 'PATCH', '/api/registry/agencies/A1', { token: tokens.supervisor, body: { planApproval: true } });
    expect(set.body).toEqual({ id: 'A1', name: '市市场监督管理局', kind: 'market', region: '410202', planApproval: true });
    const history = await call(t.app, 'GET', '/api/registry/agencies/A1/history', { token: tokens.admin1 });
    expect(history.body.map((h: { changes: unknown }) => h.changes)).toEqual([{ planApproval: { from: false, to: true } }]);
  });

  let waitingId = '';
  it('a filed plan waits: it merges with no one, gets no code, and says why with the remedy', async () => {
    const filed = await file('officer1', SHOP, inDays(10));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'awaiting', approval: { status: 'pending', when: 'prior', note: null } });
    waitingId = filed.body.id;
    const fire = await file('officer2', SHOP, inDays(11));
    expect(fire.body.inspection.joint).toBe(false);
    const code = await call(t.app, 'POST', `/api/plans/${waitingId}/code`, { token: tokens.officer1, body: {} });
    expect(code.status).toBe(422);
    expect(code.body.error.refusals).toEqual([expect.objectContaining({ rule: 'plan-approval', remedy: expect.stringContaining('计划审批') })]);
    expect((await call(t.app, 'PATCH', `/api/plans/${waitingId}`, { token: tokens.officer1, body: { date: inDays(12) } })).body.error.message).toContain('待本部门负责人审批');
    // The officer sees it among the agency's plans.
    const list = await call(t.app, 'GET', '/api/plans', { token: tokens.officer1 });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(waitingId);
  });

  it("is decided by the agency's own admin only; the queue names the enterprise, officers and items", async () => {
    expect((await decide('officer1', waitingId, { approve: true })).status).toBe(403);
    expect((await decide('admin2', waitingId, { approve: true })).status).toBe(403);
    expect((await decide('supervisor', waitingId, { approve: true })).status).toBe(403);
    const queue = await call(t.app, 'GET', '/api/plans/approvals', { token: tokens.admin1 });
    expect(queue.body.items).toEqual([expect.objectContaining({ id: waitingId, enterpriseName: '开封市鼓楼区老王烩面馆', agencyName: '市市场监督管理局', officerNames: ['张伟'], itemNames: ['食品经营许可检查'] })]);
    expect((await call(t.app, 'GET', '/api/plans/approvals', { token: tokens.admin2 })).body.total).toBe(0);
    expect((await call(t.app, 'GET', '/api/plans/approvals', { token: tokens.discipline })).body.total).toBe(1);
    expect((await call(t.app, 'GET', '/api/plans/approvals', { token: tokens.officer1 })).status).toBe(403);
  });

  it('approved, the plan becomes active and merges with the other agency; then it gets its code', async () => {
    const approved = await decide('admin1', waitingId, { approve: true, note: '同意按计划检查' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', approval: { status: 'approved', when: 'prior', note: '同意按计划检查' } });
    expect(approved.body.inspection).toMatchObject({ joint: true, leadPlanId: waitingId });
    expect((await decide('admin1', waitingId, { approve: false, note: '再退回' })).status).toBe(409);
    const history = await call(t.app, 'GET', `/api/plans/${waitingId}/history`, { token: tokens.officer1 });
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'approved', 'merged']);
    expect((await call(t.app, 'POST', `/api/plans/${waitingId}/code`, { token: tokens.officer1, body: {} })).status).toBe(200);
    // The trail keeps the approval as a step of the inspection.
    const trail = await t.dataSource.query('SELECT kind FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [waitingId]);
    expect(trail.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'approved', 'merged', 'coded']);
  });

  it('returned with reasons, the plan is closed: no code, and the officer reads why', async () => {
    const filed = await file('officer1', MILL, inDays(20));
    expect((await decide('admin1', filed.body.id, { approve: false })).body.error.fields).toEqual([{ field: 'note', reason: '退回须写明理由（至少2个字）' }]);
    const returned = await decide('admin1', filed.body.id, { approve: false, note: '检查事项与本次任务不符' });
    expect(returned.body).toMatchObject({ status: 'returned', approval: { status: 'returned', note: '检查事项与本次任务不符' } });
    const code = await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer1, body: {} });
    expect(code.body.error.refusals[0]).toMatchObject({ rule: 'plan-approval', remedy: '按退回意见修改后重新报备' });
    const list = await call(t.app, 'GET', '/api/plans', { token: tokens.officer1 });
    expect(list.body.items.find((p: { id: string }) => p.id === filed.body.id).approval.note).toBe('检查事项与本次任务不符');
  });

  it('an emergency goes ahead at once and is approved afterwards', async () => {
    const filed = await file('officer1', MILL, inDays(0), { trigger: 'emergency', reason: '燃气泄漏' });
    expect(filed.body).toMatchObject({ status: 'active', approval: { status: 'pending', when: 'after' } });
    expect((await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer1, body: {} })).status).toBe(200);
    const decided = await decide('admin1', filed.body.id, { approve: true });
    expect(decided.body).toMatchObject({ status: 'active', approval: { status: 'approved', when: 'after' } });
  });

  it('a waiting plan may be withdrawn, and leaves the queue', async () => {
    const filed = await file('officer1', MILL, inDays(40));
    expect((await call(t.app, 'POST', `/api/plans/${filed.body.id}/cancel`, { token: tokens.officer1, body: { reason: '任务撤销' } })).body.status).toBe('cancelled');
    expect((await call(t.app, 'GET', '/api/plans/approvals', { token: tokens.admin1 })).body.total).toBe(0);
    const decided = await call(t.app, 'GET', '/api/plans/approvals?status=returned', { token: tokens.admin1 });
    expect(decided.body.items.map((p: { approval: { note: string } }) => p.approval.note)).toEqual(['检查事项与本次任务不符']);
    expect((await call(t.app, 'GET', '/api/plans/approvals?status=maybe', { token: tokens.admin1 })).status).toBe(400);
  });
});
