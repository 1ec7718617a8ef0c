import { jest } from '@jest/globals';
import { buildCreditCode, finalSeed, runDraw, shanghaiDate, type DrawInputs } from '@mashang/shared';
import { NODE_DRAW_HASHING } from '../src/modules/draws/node-draw-hashing.js';
import { verifyDraw } from '../src/modules/draws/verify-draw.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const codes = Array.from({ length: 40 }, (_, i) => buildCreditCode('92410202', `MD${String(i).padStart(6, '0')}`));

describe('random draws (双随机一公开): committed, drawn, published, verifiable, filed as plans', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const body = () => ({
    name: '2026年第一季度食品经营双随机抽查', itemIds: ['I1'], industries: ['catering'], regionPrefixes: ['4102'],
    proportions: { A: 0.1, B: 0.2, C: 0.5, D: 1 }, periodFrom: inDays(10), periodTo: inDays(40),
  });

  beforeAll(async () => {
    t = await startTestApp('draws');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("UPDATE officers SET cert_expires = '2099-12-31'");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no, cert_expires) VALUES ('O1b', 'A1', '王芳', '豫C0000003', '2099-12-31'), ('O1c', 'A1', '赵磊', '豫C0000004', '2099-12-31'), ('O1x', 'A1', '钱进', '豫C0000005', '2020-01-01'), ('O1y', 'A1', '孙丽', '豫C0000006', '2099-12-31')");
    await t.dataSource.query("UPDATE officers SET active = 0 WHERE id = 'O1y'");
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法')");
    await t.dataSource.query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES ?', [
      codes.map((c, i) => [c, `餐馆${i}`, 'catering', i < 35 ? '410202' : '410302', 'ABCD'[i % 4]]),
    ]);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '机械厂', 'manufacturing', '410202', 'D')", [buildCreditCode('91410200', 'MD999999')]);
    for (const name of ['admin1', 'admin2', 'officer1', 'supervisor']) tokens[name] = await login(t.app, name);
  });
  afterAll(() => t?.close());

  it('refuses bad tasks and other roles, writing nothing', async () => {
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.officer1, body: body() })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.admin1, body: { ...body(), proportions: { A: 1.5, B: 0, C: 0, D: 0 } } })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.admin1, body: { ...body(), periodTo: inDays(5) } })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.admin1, body: { ...body(), industries: ['shipyard'] } })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.supervisor, body: body() })).status).toBe(400); // which agency?
    expect((await call(t.app, 'POST', '/api/draws', { token: tokens.supervisor, body: { ...body(), agencyId: 'A9' } })).status).toBe(400);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM random_draws'))[0].n)).toBe(0);
  });

  it('publishes inputs and a commitment first; the draw reveals a seed anyone can check and re-run; drawn inspections become plans', async () => {
    const conflict = await call(t.app, 'POST', '/api/draws/conflicts', { token: tokens.admin1, body: { officerId: 'O1', creditCode: codes[3], reason: '亲属经营' } });
    expect(conflict.status).toBe(200);
    expect((await call(t.app, 'POST', '/api/draws/conflicts', { token: tokens.admin2, body: { officerId: 'O1', creditCode: codes[3], reason: '亲属经营' } })).status).toBe(403);

    const committed = await call(t.app, 'POST', '/api/draws', { token: tokens.admin1, body: body() });
    expect(committed.status).toBe(201);
    const id: string = committed.body.id;
    const published = (await call(t.app, 'GET', `/api/public/draws/${id}`)).body;
    expect(published).toMatchObject({ status: 'committed', seed: null, result: null, agencyName: '市市场监督管理局', items: [{ id: 'I1', name: '食品经营许可检查' }] });
    const inputs: DrawInputs = JSON.parse(published.inputs);
    expect(inputs.population.map((e) => e.creditCode)).toEqual(codes.slice(0, 35)); // catering in 4102 only
    expect(inputs.officers).toEqual(['O1', 'O1b', 'O1c']); // on duty and certified through the period
    expect(inputs.recusals).toContainEqual({ officerId: 'O1', creditCode: codes[3] });

    expect((await call(t.app, 'POST', `/api/draws/${id}/draw`, { token: tokens.admin2, body: {} })).status).toBe(403);
    const drawn = await call(t.app, 'POST', `/api/draws/${id}/draw`, { token: tokens.admin1, body: { publicEntropy: '2026-12-07 福彩3D 518' } });
    expect(drawn.status).toBe(200);
    expect((await call(t.app, 'POST', `/api/draws/${id}/draw`, { token: tokens.admin1, body: {} })).status).toBe(409);

    const view = (await call(t.app, 'GET', `/api/public/draws/${id}`)).body;
    expect(await NODE_DRAW_HASHING.sha256Hex(view.seed)).toBe(view.commitment);
    const again = await runDraw(NODE_DRAW_HASHING, await finalSeed(NODE_DRAW_HASHING, view.seed, view.publicEntropy), JSON.parse(view.inputs));
    expect(again).toEqual(view.result);
    // Every D (8 of 35 in scope are D: i % 4 === 3 for i < 35 → 8), half the Cs rounded up (9 → 5)…
    const byGrade = (g: string) => view.result.inspections.filter((i: { grade: string }) => i.grade === g).length;
    expect(byGrade('D')).toBe(8);
    expect(byGrade('C')).toBe(5);
    for (const i of view.result.inspections) expect(i.creditCode === codes[3] && i.officerIds.includes('O1')).toBe(false);

    const filed = view.outcomes.filter((o: { planId: string | null }) => o.planId);
    expect(view.outcomes.length).toBe(view.result.inspections.length);
    expect(filed.length).toBeGreaterThan(0);
    for (const o of view.outcomes) expect(o.planId !== null || typeof o.refusal === 'string').toBe(true);
    const plan = filed[0];
    const stored = await t.dataSource.query('SELECT officer_id FROM plan_officers WHERE plan_id = ? ORDER BY officer_id', [plan.planId]);
    const pair = view.result.inspections.find((i: { creditCode: string }) => i.creditCode === plan.creditCode).officerIds;
    expect(stored.map((r: { officer_id: string }) => r.officer_id)).toEqual([...pair].sort());

    expect((await verifyDraw(view)).ok).toBe(true);
    const forged = await verifyDraw({ ...view, result: { ...view.result, inspections: view.result.inspections.slice(1) } });
    expect(forged.ok).toBe(false);
    expect(forged.lines.at(-1)).toContain('不同');
    expect((await verifyDraw({ ...view, seed: 'ab'.repeat(32) })).ok).toBe(false);

    const bySupervisor = await call(t.app, 'POST', '/api/draws', { token: tokens.supervisor, body: { ...body(), agencyId: 'A1', name: '监督部门组织的抽查' } });
    expect(bySupervisor.body).toMatchObject({ agencyId: 'A1', status: 'committed' });
    const supervised = (await call(t.app, 'POST', `/api/draws/${bySupervisor.body.id}/draw`, { token: tokens.supervisor, body: {} })).body;
    // Its plans are the agency's, filed on the supervisor's behalf (the draw above has recused the pairs it met).
    expect(supervised.outcomes.filter((o: { planId: string | null }) => o.planId).length).toBeGreaterThan(0);
    const [filedBy] = await t.dataSource.query('SELECT agency_id FROM plans WHERE id = ?', [supervised.outcomes.find((o: { planId: string | null }) => o.planId).planId]);
    expect(filedBy.agency_id).toBe('A1');
    const list = (await call(t.app, 'GET', '/api/public/draws')).body;
    expect(list.map((d: { id: string }) => d.id)).toEqual([bySupervisor.body.id, id]);
    expect(list.map((d: { status: string }) => d.status)).toEqual(['drawn', 'drawn']);
    expect(list[0].inputs).toBeNull();
    expect((await call(t.app, 'GET', '/api/public/draws/no-such')).status).toBe(404);
  });
});
