import { buildCreditCode, shanghaiDate, type JointChecklist, type PublicChecklist } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { signInFromOutbox } from './support/enterprise-port.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

// A joint inspection on one enterprise, and the same two agencies inspecting two others apart, the same day.
const JOINT = buildCreditCode('92410202', 'MA000501');
const APART_1 = buildCreditCode('91410202', 'MA000502');
const APART_2 = buildCreditCode('91410202', 'MA000503');
const JOINT_PHONE = '13800138501';
const today = () => shanghaiDate(new Date());
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

interface ExchangeLine { id: string; agencyId: string; creditCode: string; jointId: string | null; trigger: string; coded: boolean; result: string; officerIds: string[]; itemIds: string[] }

describe('一表通查 and 三色: one checklist per joint inspection, findings per agency, colours per the agency’s list', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  const file = async (token: string, creditCode: string, officerIds: string[], itemIds: string[]) => {
    const filed = await call(t.app, 'POST', '/api/plans', { token, body: { creditCode, date: today(), trigger: 'complaint', reason: '群众投诉', officerIds, itemIds } });
    expect(filed.status).toBe(201);
    return filed.body.id as string;
  };
  const checkIn = async (token: string, creditCode: string) => {
    const done = await call(t.app, 'POST', '/api/onsite/check-in', { token, body: { creditCode, clientKey: key('ci') } });
    expect(done.status).toBe(200);
  };
  const record = (token: string, planId: string, body: Record<string, unknown>) =>
    call(t.app, 'POST', `/api/onsite/inspections/${planId}/findings`, { token, body: { clientKey: key('f'), ...body } });
  const exported = async (): Promise<ExchangeLine[]> => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/exchange/export/inspections', headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(answer.statusCode).toBe(200);
    return answer.body.trim().split('\n').map((l) => JSON.parse(l) as ExchangeLine);
  };

  beforeAll(async () => {
    t = await startTestApp('jointchecklist');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO items (id, agency_id, name, basis) VALUES
       ('M1', 'A1', '食品经营许可', '《食品安全法》第三十五条'), ('M2', 'A1', '消防器材配置', '《消防法》第十六条'),
       ('F1', 'A2', '消防设施完好', '消防法 第十六条。'), ('F2', 'A2', '疏散通道畅通', '《消防法》第二十八条')`);
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '联合餐馆', 'catering', '410204', 'B', ?), (?, '分查甲店', 'catering', '410204', 'B', NULL), (?, '分查乙店', 'catering', '410204', 'B', NULL)",
      [JOINT, testPhoneCipher().encrypt(JOINT_PHONE), APART_1, APART_2]);
    for (const user of ['officer1', 'officer2', 'admin1', 'admin2', 'supervisor']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t?.close());

  it('keeps an agency’s colour list, editable by its admin only, each change on the list’s history', async () => {
    const put = await call(t.app, 'PUT', '/api/registry/violation-colours', {
      token: tokens.admin1, body: { changes: [{ itemId: 'M1', colour: 'green', rectifyDays: 7 }, { itemId: 'M2', colour: 'red' }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ itemId: 'M1', colour: 'green', rectifyDays: 7 }), expect.objectContaining({ itemId: 'M2', colour: 'red' }),
    ]));
    const foreign = await call(t.app, 'PUT', '/api/registry/violation-colours', { token: tokens.admin1, body: { changes: [{ itemId: 'F1', colour: 'green' }] } });
    expect(foreign.status).toBe(400);
    expect((await call(t.app, 'PUT', '/api/registry/violation-colours', { token: tokens.officer1, body: { changes: [{ itemId: 'M1', colour: 'red' }] } })).status).toBe(403);
    // Saving the same again changes nothing, and adds nothing to the history.
    await call(t.app, 'PUT', '/api/registry/violation-colours', { token: tokens.admin1, body: { changes: [{ itemId: 'M2', colour: 'red' }] } });
    const history = await call(t.app, 'GET', '/api/registry/violation-colours/history', { token: tokens.admin1 });
    expect(history.body).toHaveLength(1);
    expect(history.body[0].changes).toEqual(['食品经营许可：未列入 → 绿色', '消防器材配置：未列入 → 红色']);
    expect((await call(t.app, 'PUT', '/api/registry/violation-colours', { token: tokens.admin2, body: { changes: [{ itemId: 'F2', colour: 'yellow', rectifyDays: 10 }] } })).status).toBe(200);
  });

  it('merges a joint inspection into one list; officers record together, each finding on its agency’s plan; exchange records match separate inspections', async () => {
    const a1 = await file(tokens.officer1, JOINT, ['O1'], ['M1', 'M2']);
    const a2 = await file(tokens.officer2, JOINT, ['O2'], ['F1', 'F2']);
    expect((await call(t.app, 'POST', `/api/plans/${a1}/code`, { token: tokens.officer1 })).status).toBe(200);
    await checkIn(tokens.officer1, JOINT);

    const list = await call<JointChecklist>(t.app, 'GET', `/api/onsite/inspections/${a1}/checklist`, { token: tokens.officer1 });
    expect(list.status).toBe(200);
    expect(list.body.joint).toBe(true);
    expect(list.body.rows.map((r) => [r.name, r.stakes.map((s) => `${s.agencyName}/${s.itemId}`)])).toEqual([
      ['食品经营许可', ['市市场监督管理局/M1']],
      ['消防器材配置', ['市市场监督管理局/M2', '市消防救援支队/F1']],
      ['疏散通道畅通', ['市消防救援支队/F2']],
    ]);
    expect(list.body.rows[0].stakes[0].proposal).toMatchObject({ colour: 'green' });
    // The other agency's officer has not arrived: its items wait.
    expect((await record(tokens.officer1, a2, { itemId: 'F1', outcome: 'pass' })).status).toBe(409);
    await checkIn(tokens.officer2, JOINT);

    // officer1 records the shared row for both agencies; officer2 records the rest.
    expect((await record(tokens.officer1, a1, { itemId: 'M1', outcome: 'rectify', colour: 'green' })).status).toBe(200);
    expect((await record(tokens.officer1, a1, { itemId: 'M2', outcome: 'pass' })).status).toBe(200);
    expect((await record(tokens.officer1, a2, { itemId: 'F1', outcome: 'pass' })).status).toBe(200);
    expect((await record(tokens.officer2, a2, { itemId: 'F2', outcome: 'rectify', rectifyBy: '2099-01-31' })).status).toBe(200);
    // An item of the other agency that is not on its plan is still refused.
    expect((await record(tokens.officer1, a2, { itemId: 'M1', outcome: 'pass' })).status).toBe(400);

    const rows = await t.dataSource.query('SELECT plan_id, item_id, outcome, colour, recorded_by FROM findings WHERE plan_id IN (?, ?) ORDER BY id', [a1, a2]);
    expect(rows.map((r: { plan_id: string; item_id: string; colour: string | null }) => [r.plan_id === a1 ? 'A1' : 'A2', r.item_id, r.colour])).toEqual([
      ['A1', 'M1', 'green'], ['A1', 'M2', null], ['A2', 'F1', null], ['A2', 'F2', 'yellow'],
    ]);
    // The finding of the other agency's item is on that agency's trail, by the officer who recorded it.
    const trail = await call(t.app, 'GET', `/api/inspections/${a2}/trail`, { token: tokens.admin2 });
    expect(trail.body.entries.filter((e: { kind: string }) => e.kind === 'finding').map((e: { actor: string; detail: { itemId: string } }) => [e.detail.itemId, e.actor.split(':')[2]]))
      .toEqual([['F1', 'officer1'], ['F2', 'officer2']]);

    // The enterprise reads the one list by its code, with results and colours, without notes or officers.
    const [code] = await t.dataSource.query('SELECT token FROM inspection_codes WHERE lead_plan_id = ?', [a1]);
    const mine = await call<PublicChecklist>(t.app, 'GET', `/api/codes/${code.token}/checklist`);
    expect(mine.status).toBe(200);
    expect(mine.body.rows.map((r) => [r.name, r.results.map((x) => `${x.agencyName}:${x.outcome}:${x.colour ?? ''}`)])).toEqual([
      ['食品经营许可', ['市市场监督管理局:rectify:green']],
      ['消防器材配置', ['市市场监督管理局:pass:', '市消防救援支队:pass:']],
      ['疏散通道畅通', ['市消防救援支队:rectify:yellow']],
    ]);
    expect(JSON.stringify(mine.body)).not.toMatch(/officer|note|planId/);

    for (const [token, plan] of [[tokens.officer1, a1], [tokens.officer2, a2]] as const) {
      expect((await call(t.app, 'POST', `/api/onsite/inspections/${plan}/finish`, { token, body: { clientKey: key('fin') } })).status).toBe(200);
    }

    // Signed in to its port, the enterprise reads each item's colour and what to do, per agency's record.
    const session = await signInFromOutbox(t.app, t.dataSource, JOINT, JOINT_PHONE);
    const history = await call(t.app, 'GET', '/api/enterprise/inspections', { token: session });
    const items = history.body.items.flatMap((i: { agencyName: string; items: { name: string; colour?: string; advice?: string }[] }) => i.items.map((x) => ({ agency: i.agencyName, ...x })));
    expect(items.find((x: { name: string }) => x.name === '食品经营许可')).toMatchObject({ colour: 'green', colourLabel: '绿色·首违不罚', advice: expect.stringContaining('不予处罚') });
    expect(items.find((x: { name: string }) => x.name === '疏散通道畅通')).toMatchObject({ colour: 'yellow', rectifyBy: '2099-01-31', advice: expect.stringContaining('复查') });
    expect(items.find((x: { name: string }) => x.name === '消防设施完好')).not.toHaveProperty('colour');

    // The same agencies, the same items and results, inspecting two enterprises apart.
    const s1 = await file(tokens.officer1, APART_1, ['O1'], ['M1', 'M2']);
    const s2 = await file(tokens.officer2, APART_2, ['O2'], ['F1', 'F2']);
    for (const [token, plan, code2] of [[tokens.officer1, s1, APART_1], [tokens.officer2, s2, APART_2]] as const) {
      expect((await call(t.app, 'POST', `/api/plans/${plan}/code`, { token })).status).toBe(200);
      await checkIn(token, code2);
    }
    await record(tokens.officer1, s1, { itemId: 'M1', outcome: 'rectify', colour: 'green' });
    await record(tokens.officer1, s1, { itemId: 'M2', outcome: 'pass' });
    await record(tokens.officer2, s2, { itemId: 'F1', outcome: 'pass' });
    await record(tokens.officer2, s2, { itemId: 'F2', outcome: 'rectify', rectifyBy: '2099-01-31' });
    for (const [token, plan] of [[tokens.officer1, s1], [tokens.officer2, s2]] as const) {
      expect((await call(t.app, 'POST', `/api/onsite/inspections/${plan}/finish`, { token, body: { clientKey: key('fin') } })).status).toBe(200);
    }

    const lines = await exported();
    const byId = new Map(lines.map((l) => [l.id, l]));
    const content = ({ agencyId, trigger, coded, result, officerIds, itemIds }: ExchangeLine) => ({ agencyId, trigger, coded, result, officerIds, itemIds });
    expect(byId.get(a1)!.jointId).toBe(a1);
    expect(byId.get(a2)!.jointId).toBe(a1);
    expect(content(byId.get(a1)!)).toEqual(content(byId.get(s1)!));
    expect(content(byId.get(a2)!)).toEqual(content(byId.get(s2)!));
    expect(content(byId.get(a2)!)).toMatchObject({ agencyId: 'A2', result: 'rectify', itemIds: ['F1', 'F2'] });
  });

  it('escalates a repeat of a green item to yellow (首违不罚 once), and classes a red item a case', async () => {
    // APART_1 violated M1 (green) before: a second time it is not a first offence.
    const again = buildCreditCode('91410202', 'MA000504');
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '初犯店', 'catering', '410204', 'B')", [again]);
    const repeat = await t.dataSource.query("SELECT 1 FROM findings WHERE credit_code = ? AND item_id = 'M1'", [APART_1]);
    expect(repeat).toHaveLength(1);
    // A second inspection of APART_1 is blocked today by the first (same agency, finished) only if plans merge; file a fresh one.
    const plan = await file(tokens.officer1, APART_1, ['O1'], ['M1', 'M2']);
    await call(t.app, 'POST', `/api/plans/${plan}/code`, { token: tokens.officer1 });
    const view = await call(t.app, 'GET', `/api/onsite/inspections/${plan}`, { token: tokens.officer1 });
    const m1 = view.body.items.find((i: { id: string }) => i.id === 'M1');
    expect(m1.proposal).toMatchObject({ colour: 'yellow', escalated: true });
    expect(view.body.items.find((i: { id: string }) => i.id === 'M2').proposal).toMatchObject({ colour: 'red' });
    await checkIn(tokens.officer1, APART_1);
    const refused = await record(tokens.officer1, plan, { itemId: 'M1', outcome: 'rectify', colour: 'green' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ field: 'colour', reason: expect.stringContaining('不适用首违不罚') });
    expect((await record(tokens.officer1, plan, { itemId: 'M1', outcome: 'rectify', rectifyBy: today() })).status).toBe(200);
    expect((await record(tokens.officer1, plan, { itemId: 'M2', outcome: 'violation' })).status).toBe(200);
    const colours = await t.dataSource.query('SELECT item_id, outcome, colour FROM findings WHERE plan_id = ? ORDER BY id', [plan]);
    expect(colours).toEqual([{ item_id: 'M1', outcome: 'rectify', colour: 'yellow' }, { item_id: 'M2', outcome: 'violation', colour: 'red' }]);
    // The yellow one is due for its follow-up check (整改复查) for its agency's officers only; the one far off is not yet.
    const due = await call(t.app, 'GET', '/api/onsite/follow-ups', { token: tokens.officer1 });
    expect(due.body).toEqual([expect.objectContaining({ planId: plan, itemId: 'M1', itemName: '食品经营许可', enterpriseName: '分查甲店', rectifyBy: today(), overdue: false })]);
    expect((await call(t.app, 'GET', '/api/onsite/follow-ups', { token: tokens.admin2 })).body).toEqual([]);
    expect((await call(t.app, 'POST', '/api/onsite/follow-ups', { token: tokens.officer2, body: { planId: plan, itemId: 'M1', rectified: true, clientKey: key('fu') } })).status).toBe(403);
    const followed = await call(t.app, 'POST', '/api/onsite/follow-ups', { token: tokens.officer1, body: { planId: plan, itemId: 'M1', rectified: false, clientKey: key('fu') } });
    expect(followed.body).toEqual({ rectified: false, message: expect.stringContaining('立案查处') });
    expect((await call(t.app, 'POST', '/api/onsite/follow-ups', { token: tokens.officer1, body: { planId: plan, itemId: 'M1', rectified: true, clientKey: key('fu') } })).status).toBe(409);
    expect((await call(t.app, 'POST', '/api/onsite/follow-ups', { token: tokens.officer1, body: { planId: plan, itemId: 'M2', rectified: true, clientKey: key('fu') } })).status).toBe(409);
    expect((await call(t.app, 'GET', '/api/onsite/follow-ups', { token: tokens.officer1 })).body).toEqual([]);
    const steps = await call(t.app, 'GET', `/api/inspections/${plan}/trail`, { token: tokens.admin1 });
    expect(steps.body.entries.at(-1)).toMatchObject({ kind: 'rectification-checked', detail: { itemId: 'M1', item: '食品经营许可', rectified: false } });

    // A first offence elsewhere still gets green.
    const fresh = await file(tokens.officer1, again, ['O1'], ['M1']);
    const freshView = await call(t.app, 'GET', `/api/onsite/inspections/${fresh}`, { token: tokens.officer1 });
    expect(freshView.body.items[0].proposal).toMatchObject({ colour: 'green', escalated: false });
  });
});
