import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const enterpriseCode = (n: number) => buildCreditCode('91410202', `MA${String(n).padStart(6, '0')}`);

describe('inspection plans: filing, refusals, merging into joint inspections', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const plan = (overrides: Record<string, unknown> = {}) => ({ creditCode: enterpriseCode(1), date: inDays(7), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'], ...overrides });
  const planOf2 = (overrides: Record<string, unknown> = {}) => plan({ officerIds: ['O2'], itemIds: ['I2'], ...overrides });
  const count = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);

  beforeAll(async () => {
    t = await startTestApp('plans');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis, no_disturb) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第八十七条', 0), ('I2', 'A2', '消防设施检查', '《消防法》第十六条', 0), ('I3', 'A1', '环评执行情况检查', '《环境影响评价法》第二十七条', 1)");
    for (let n = 1; n <= 14; n++) {
      await t.dataSource.query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch) VALUES (?, ?, ?, ?, ?, ?)', [enterpriseCode(n), `企业${n}`, 'catering', '410202', n === 2 ? 'A' : 'C', n === 2 ? 1 : 0]);
    }
    for (const user of ['officer1', 'officer2', 'admin2', 'supervisor']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  it('files a planned inspection 7 natural days ahead and keeps its history', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan() });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ agencyId: 'A1', plannedDate: inDays(7), status: 'active', code: expect.stringMatching(/^JH\d{8}-[0-9A-Z]{6}$/), inspection: { joint: false, date: inDays(7) } });
    const history = await call(t.app, 'GET', `/api/plans/${filed.body.id}/history`, { token: tokens.officer1 });
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed']);
    expect(history.body[0].actor).toMatch(/^user:\d+:officer1$/);
  });

  it('refuses a planned inspection 6 days ahead, naming the rule and the way out, and records the attempt', async () => {
    const plans = await count('SELECT COUNT(*) AS n FROM plans');
    const refused = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ date: inDays(6) }) });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'RULE_REFUSED', refusals: [{ rule: 'advance-notice', remedy: expect.stringContaining(inDays(7)) }] });
    expect(await count('SELECT COUNT(*) AS n FROM plans')).toBe(plans);
    const [attempt] = await t.dataSource.query("SELECT agency_id, detail FROM plan_events WHERE kind = 'refused' ORDER BY id DESC LIMIT 1");
    expect(attempt.agency_id).toBe('A1');
    expect(JSON.parse(attempt.detail).refusals[0].rule).toBe('advance-notice');
  });

  it('merges another agency\'s plan 3 days later into a joint inspection led by the first filing', async () => {
    const first = (await call(t.app, 'GET', '/api/plans/half-year-history?creditCode=' + enterpriseCode(1), { token: tokens.officer1 })).status;
    expect(first).toBe(200);
    const [{ id: firstId }] = await t.dataSource.query('SELECT id FROM plans WHERE credit_code = ? ORDER BY filed_at LIMIT 1', [enterpriseCode(1)]);
    const second = await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: planOf2({ date: inDays(10) }) });
    expect(second.status).toBe(201);
    expect(second.body.inspection).toMatchObject({ leadPlanId: firstId, date: inDays(7), joint: true, members: [{ agencyId: 'A1' }, { agencyId: 'A2' }] });
    const firstView = await call(t.app, 'GET', `/api/plans/${firstId}`, { token: tokens.officer1 });
    expect(firstView.body.inspection.members.map((m: { agencyId: string }) => m.agencyId)).toEqual(['A1', 'A2']);
    const history = await call(t.app, 'GET', `/api/plans/${firstId}/history`, { token: tokens.officer1 });
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'merged']);
    expect(history.body[1].detail).toMatchObject({ leadPlanId: firstId, agencyIds: ['A1', 'A2'], inspectionDate: inDays(7) });
    // The fire brigade's admin sees the joint inspection it takes part in.
    expect((await call(t.app, 'GET', `/api/plans/${firstId}`, { token: tokens.admin2 })).status).toBe(200);
  });

  it('lets an emergency lead the joint inspection on its own date', async () => {
    const code = enterpriseCode(3);
    await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: code, date: inDays(7) }) });
    const emergency = await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: planOf2({ creditCode: code, date: inDays(1), trigger: 'emergency', reason: '燃气泄漏报警' }) });
    expect(emergency.status).toBe(201);
    expect(emergency.body.inspection).toMatchObject({ leadPlanId: emergency.body.id, date: inDays(1), joint: true });
  });

  it('two agencies filing for one enterprise at the same moment end in one joint inspection, every time', async () => {
    for (let n = 4; n <= 11; n++) {
      const code = enterpriseCode(n);
      const [a, b] = await Promise.all([
        call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: code, date: inDays(9) }) }),
        call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: planOf2({ creditCode: code, date: inDays(12) }) }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const leads = await t.dataSource.query('SELECT DISTINCT lead_plan_id, inspection_date FROM plans WHERE credit_code = ?', [code]);
      expect(leads).toHaveLength(1);
    }
  });

  it('keeps planned visits away from 无感监管 enterprises and 无事不扰 items unless triggered', async () => {
    const lowTouch = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(2) }) });
    expect(lowTouch.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['low-touch']);
    const noDisturb = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(12), itemIds: ['I3'] }) });
    expect(noDisturb.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['no-disturb-item']);
    const complaint = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(2), trigger: 'complaint', reason: '12345热线投诉', date: inDays(0) }) });
    expect(complaint.status).toBe(201);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const plans = await count('SELECT COUNT(*) AS n FROM plans');
    const events = await count('SELECT COUNT(*) AS n FROM plan_events');
    const otherOfficer = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(12), officerIds: ['O2'] }) });
    expect(otherOfficer).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'officerIds' }] } } });
    const unknown = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: '91440300708461136T' }) });
    expect(unknown).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'creditCode' }] } } });
    const shape = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ date: '2026-13-01', trigger: 'whenever', officerIds: [] }) });
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['date', 'officerIds', 'trigger']);
    expect((await call(t.app, 'POST', '/api/plans', { token: tokens.supervisor, body: plan() })).status).toBe(403);
    expect(await count('SELECT COUNT(*) AS n FROM plans')).toBe(plans);
    expect(await count('SELECT COUNT(*) AS n FROM plan_events')).toBe(events);
  });

  it('regroups when a plan is moved after merging, re-checking the rules, and cancels with a reason', async () => {
    const code = enterpriseCode(13);
    const a = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: code, date: inDays(8) }) });
    const b = await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: planOf2({ creditCode: code, date: inDays(10) }) });
    expect(b.body.inspection.joint).toBe(true);

    expect((await call(t.app, 'PATCH', `/api/plans/${b.body.id}`, { token: tokens.officer1, body: { date: inDays(20) } })).status).toBe(403);
    const tooSoon = await call(t.app, 'PATCH', `/api/plans/${b.body.id}`, { token: tokens.officer2, body: { date: inDays(3) } });
    expect(tooSoon.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['advance-notice']);

    const moved = await call(t.app, 'PATCH', `/api/plans/${b.body.id}`, { token: tokens.officer2, body: { date: inDays(20) } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ plannedDate: inDays(20), inspection: { joint: false, leadPlanId: b.body.id, date: inDays(20) } });
    expect((await call(t.app, 'GET', `/api/plans/${a.body.id}`, { token: tokens.officer1 })).body.inspection.joint).toBe(false);
    const history = await call(t.app, 'GET', `/api/plans/${b.body.id}/history`, { token: tokens.officer2 });
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'merged', 'refused', 'moved', 'merged']);
    expect(history.body[4].detail.why).toBe('不再与其他部门的计划合并，单独检查');

    // Moving back within 7 days merges again, led by the earlier filing.
    const back = await call(t.app, 'PATCH', `/api/plans/${b.body.id}`, { token: tokens.officer2, body: { date: inDays(12) } });
    expect(back.body.inspection).toMatchObject({ joint: true, leadPlanId: a.body.id, date: inDays(8) });

    const cancelled = await call(t.app, 'POST', `/api/plans/${a.body.id}/cancel`, { token: tokens.officer1, body: { reason: '企业已停业' } });
    expect(cancelled.body.status).toBe('cancelled');
    const rest = await call(t.app, 'GET', `/api/plans/${b.body.id}`, { token: tokens.officer2 });
    expect(rest.body.inspection).toMatchObject({ joint: false, leadPlanId: b.body.id, date: inDays(12) });
    expect((await call(t.app, 'POST', `/api/plans/${a.body.id}/cancel`, { token: tokens.officer1, body: { reason: '重复取消' } })).status).toBe(409);
    expect((await call(t.app, 'POST', `/api/plans/${b.body.id}/cancel`, { token: tokens.officer2, body: {} })).status).toBe(400);
  });

  it('lists an agency\'s own plans, newest inspection first; supervisors see all', async () => {
    const mine = await call(t.app, 'GET', '/api/plans?pageSize=100', { token: tokens.officer2 });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((p: { agencyId: string }) => p.agencyId === 'A2')).toBe(true);
    const dates = mine.body.items.map((p: { inspection: { date: string } }) => p.inspection.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const all = await call(t.app, 'GET', '/api/plans?pageSize=1', { token: tokens.supervisor });
    expect(all.body.total).toBe(await count("SELECT COUNT(*) AS n FROM plans WHERE status = 'active'"));
  });

  it('shows the half-year results of same-industry agencies only', async () => {
    await t.dataSource.query(
      `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES
       ('H1', 'A1', ?, 'planned', NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY + INTERVAL 1 HOUR, 1, 'pass'),
       ('H2', 'A2', ?, 'planned', NOW() - INTERVAL 20 DAY, NOW() - INTERVAL 20 DAY + INTERVAL 1 HOUR, 1, 'rectify'),
       ('H3', 'A1', ?, 'planned', NOW() - INTERVAL 200 DAY, NOW() - INTERVAL 200 DAY + INTERVAL 1 HOUR, 1, 'pass')`,
      [enterpriseCode(12), enterpriseCode(12), enterpriseCode(12)],
    );
    const history = await call(t.app, 'GET', `/api/plans/half-year-history?creditCode=${enterpriseCode(12)}`, { token: tokens.officer1 });
    expect(history.body).toEqual([{ inspectionId: 'H1', agencyId: 'A1', agencyName: '市市场监督管理局', startedAt: expect.any(String), result: 'pass' }]);
  });

  it('refuses a plan for a past date, whatever its trigger, with the rule and the way out', async () => {
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '企业15', 'catering', '410202', 'C')", [enterpriseCode(15)]);
    const plans = await count('SELECT COUNT(*) AS n FROM plans');
    const planned = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(15), date: inDays(-1) }) });
    expect(planned.status).toBe(422);
    expect(planned.body.error.refusals).toEqual([{ rule: 'past-date', message: expect.stringContaining(inDays(-1)), remedy: expect.stringContaining(inDays(7)) }]);
    const complaint = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(15), date: inDays(-3), trigger: 'complaint', reason: '12345 热线投诉' }) });
    expect(complaint.body.error.refusals).toEqual([{ rule: 'past-date', message: expect.any(String), remedy: expect.stringContaining(inDays(0)) }]);
    expect(await count('SELECT COUNT(*) AS n FROM plans')).toBe(plans);
  });

  it('files an emergency after the fact within its code deadline (先检查后补码), and its code is valid when issued', async () => {
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '企业16', 'catering', '410202', 'C')", [enterpriseCode(16)]);
    const emergency = (date: string) => call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(16), date, trigger: 'emergency', reason: '昨夜燃气泄漏，先行处置' }) });
    // Begun yesterday, at the latest just before midnight: its code is due within EMERGENCY_CODE_HOURS (24) of that, so still open now.
    const late = await emergency(inDays(-1));
    expect(late.status).toBe(201);
    const code = await call(t.app, 'POST', `/api/plans/${late.body.id}/code`, { token: tokens.officer1, body: {} });
    expect(code.status).toBe(200);
    expect(Date.parse(code.body.expiresAt)).toBeGreaterThan(Date.now());
    // Two days ago is past any code deadline of 24 hours.
    const tooLate = await emergency(inDays(-2));
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.refusals).toEqual([{ rule: 'past-date', message: expect.stringContaining('先检查后补码'), remedy: expect.stringContaining(inDays(-1)) }]);
  });

  it('takes real dates of this century only: 2027-02-30 and 9999-12-31 are refused, the latter made its code unstorable', async () => {
    const plans = await count('SELECT COUNT(*) AS n FROM plans');
    for (const date of ['2027-02-30', '2027-06-31', '9999-12-31', '2100-01-01']) {
      const refused = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(15), date }) });
      expect([date, refused.status, refused.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([date, 400, ['date']]);
    }
    expect(await count('SELECT COUNT(*) AS n FROM plans')).toBe(plans);
  });

  it('refuses to move a plan to a past date and keeps its date', async () => {
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '企业17', 'catering', '410202', 'C')", [enterpriseCode(17)]);
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: plan({ creditCode: enterpriseCode(17), date: inDays(2), trigger: 'complaint', reason: '投诉' }) });
    expect(filed.status).toBe(201);
    const moved = await call(t.app, 'PATCH', `/api/plans/${filed.body.id}`, { token: tokens.officer1, body: { date: inDays(-1) } });
    expect(moved.status).toBe(422);
    expect(moved.body.error.refusals).toEqual([expect.objectContaining({ rule: 'past-date' })]);
    expect((await call(t.app, 'GET', `/api/plans/${filed.body.id}`, { token: tokens.officer1 })).body.plannedDate).toBe(inDays(2));
  });
});
