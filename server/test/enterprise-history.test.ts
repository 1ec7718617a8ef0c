/**
 * The enterprise's own page (企业端): every inspection of it with agencies, officers by name, items,
 * results and the trail in plain Chinese; what became of its own ratings; its penalty cases with their
 * supervision codes. Scoped to the session's credit code: another enterprise's records are not reachable.
 */
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { supervisionCodeKey, supervisionCodeToken } from '../src/modules/cases/index.js';
import { signInFromOutbox } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { appendTrail, raiseFlag } from './support/trail-and-flags.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000811');
const MILL = buildCreditCode('91410200', 'MA000812');
const SHOP_PHONE = '13800000811';
const MILL_PHONE = '13900000812';
const today = () => shanghaiDate(Date.now());

describe('the enterprise\'s own page', () => {
  let t: TestApp;
  let shop: string;
  let mill: string;
  let planId = '';

  beforeAll(async () => {
    t = await startTestApp('enterprise_history', { env: { SMS_PROVIDER: 'outbox' } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I2', 'A2', '消防设施检查', '《消防法》第十六条')");
    const cipher = testPhoneCipher();
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)]);

    // An inspection of the shop on site today, as officer1 runs it: filed, coded, checked in, a finding, finished.
    const officer1 = await login(t.app, 'officer1');
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '群众投诉：张三反映后厨卫生差', officerIds: ['O1'], itemIds: ['I1'] } });
    expect(filed.status).toBe(201);
    planId = filed.body.id;
    expect((await call(t.app, 'POST', `/api/plans/${planId}/code`, { token: officer1, body: { aloneReason: '投诉件单独处理' } })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: SHOP, clientKey: 'history-check-in' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${planId}/findings`, { token: officer1, body: { itemId: 'I1', outcome: 'pass', note: '内部备注：后厨已整洁', clientKey: 'history-finding' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${planId}/finish`, { token: officer1, body: { clientKey: 'history-finish' } })).status).toBe(200);

    // An earlier imported inspection of each enterprise, the shop's rated badly (a flagged case under investigation).
    for (const [id, agency, creditCode, officer, item] of [['X1', 'A2', SHOP, 'O2', 'I2'], ['X2', 'A1', MILL, 'O1', 'I1']]) {
      await ds.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result, officer_count) VALUES (?, ?, ?, 'planned', NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY, 1, 'rectify', 1)", [id, agency, creditCode]);
      await ds.query("INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) SELECT id, ?, 0, agency_id, credit_code, started_at, finished_at FROM inspections WHERE id = ?", [officer, id]);
      await ds.query("INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) SELECT id, ?, 0, trigger_type, started_at FROM inspections WHERE id = ?", [item, id]);
    }
    await ds.transaction(async (manager) => {
      await manager.query("INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, rated_at) VALUES ('X1', 'A2', 2, 2, 2, 2, 'disapprove', NOW() - INTERVAL 29 DAY)");
      await appendTrail(manager, 'X1', 'rated', 'enterprise', { agencyId: 'A2' });
      const flagged = await raiseFlag(manager, { dedupeKey: 'rating:X1:A2', source: 'rating', subjectType: 'inspection', subjectId: 'X1', agencyId: 'A2', creditCode: SHOP, inspectionId: 'X1', severity: 'high', title: '企业不满意', evidence: {}, actor: 'enterprise' });
      await manager.query("UPDATE flagged_cases SET status = 'closed', conclusion = 'rectified' WHERE id = ?", [flagged.id]);
    });

    // Penalty cases: the shop's noticed one (with a supervision code), the shop's just filed, the mill's.
    for (const [id, agency, creditCode, stage, coded] of [['PC1', 'A1', SHOP, 'notified', true], ['PC2', 'A2', SHOP, 'filed', false], ['PC3', 'A1', MILL, 'notified', true]] as const) {
      await ds.query("INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES (?, ?, ?, 'FSL-126', 'general', 0, 'filed', NOW(3))", [id, agency, creditCode]);
      await ds.query(
        "INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, filed_by, updated_at, code_hash, notified_at, statement_until) VALUES (?, ?, 'inspection', '事实', '依据', 1, NOW(3), ?, ?, ?)",
        [id, stage, coded ? `${id}`.padEnd(64, '0') : null, coded ? new Date() : null, coded ? new Date(Date.now() + 3 * 86_400_000) : null],
      );
    }
    shop = await signInFromOutbox(t.app, ds, SHOP, SHOP_PHONE);
    mill = await signInFromOutbox(t.app, ds, MILL, MILL_PHONE);
  });
  afterAll(() => t?.close());

  it('lists every inspection of its own, newest first, in Chinese: agency, officers by name, items, result, its rating\'s outcome', async () => {
    const answer = await call(t.app, 'GET', '/api/enterprise/inspections', { token: shop });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(answer.body.items).toEqual([
      {
        id: planId, agencyName: '市市场监督管理局', triggerLabel: '投诉举报', joint: false, startedAt: expect.any(String), finishedAt: expect.any(String), resultLabel: '合格',
        officers: [{ name: '张伟', certNo: '豫C0000001' }], items: [{ name: '食品经营许可检查', basis: '《食品安全法》第三十五条' }],
        rating: { rated: false, verdictLabel: null, ratedAt: null, outcome: null },
      },
      {
        id: 'X1', agencyName: '市消防救援支队', triggerLabel: '计划检查', joint: false, startedAt: expect.any(String), finishedAt: expect.any(String), resultLabel: '责令整改',
        officers: [{ name: '李娜', certNo: '豫C0000002' }], items: [{ name: '消防设施检查', basis: '《消防法》第十六条' }],
        rating: { rated: true, verdictLabel: '不认可', ratedAt: expect.any(String), outcome: { statusLabel: '已办结', conclusionLabel: '已整改（立行立改）', updatedAt: expect.any(String) } },
      },
    ]);
    // Never another enterprise's record.
    const mills = await call(t.app, 'GET', '/api/enterprise/inspections', { token: mill });
    expect(mills.body.items.map((i: { id: string }) => i.id)).toEqual(['X2']);
  });

  it('reads an inspection\'s trail step by step in plain Chinese, officers by name, with nothing anyone typed', async () => {
    const answer = await call(t.app, 'GET', `/api/enterprise/inspections/${planId}/trail`, { token: shop });
    expect(answer.status).toBe(200);
    expect(answer.body.agencyName).toBe('市市场监督管理局');
    const lines = answer.body.steps.map((s: { step: string; detail: string; by: { name: string } }) => `${s.step}|${s.detail}|${s.by.name}`);
    expect(lines).toEqual(expect.arrayContaining(['报备||张伟', '生成检查码||张伟', '入企||张伟', '检查结果|食品经营许可检查：合格|张伟', '结束检查|检查结果：合格|张伟']));
    for (const hidden of ['张三', '内部备注', 'user:', 'officer1', 'O1', 'I1', SHOP_PHONE]) expect(JSON.stringify(answer.body)).not.toContain(hidden);
    const rated = await call(t.app, 'GET', '/api/enterprise/inspections/X1/trail', { token: shop });
    expect(rated.body.steps[0]).toMatchObject({ step: '企业评价', detail: '评价内容仅执法监督、纪检监察部门可见', by: { name: '企业' } });
  });

  it('finds no other enterprise\'s inspection, however asked', async () => {
    for (const id of ['X2', 'nope', planId]) {
      const answer = await call(t.app, 'GET', `/api/enterprise/inspections/${encodeURIComponent(id)}/trail`, { token: mill });
      expect([id, answer.status]).toEqual([id, id === 'X2' ? 200 : 404]);
    }
  });

  it('lists its penalty cases with the supervision code\'s link once noticed, and only its own', async () => {
    const answer = await call(t.app, 'GET', '/api/enterprise/penalty-cases', { token: shop });
    expect(answer.status).toBe(200);
    const key = supervisionCodeKey(t.config.jwtSecret);
    expect(answer.body.map((c: { id: string }) => c.id).sort()).toEqual(['PC1', 'PC2']);
    const noticed = answer.body.find((c: { id: string }) => c.id === 'PC1');
    expect(noticed).toMatchObject({ agencyName: '市市场监督管理局', cause: 'FSL-126', stageLabel: '已告知，陈述申辩期', supervisionCodeUrl: `${t.config.publicBaseUrl}/p/${supervisionCodeToken(key, 'PC1')}` });
    expect(answer.body.find((c: { id: string }) => c.id === 'PC2')).toMatchObject({ stageLabel: '已立案，待告知', supervisionCodeUrl: null });
    expect((await call(t.app, 'GET', '/api/enterprise/penalty-cases', { token: mill })).body.map((c: { id: string }) => c.id)).toEqual(['PC3']);
  });

  it('is closed to officers and desks, and to anyone not signed in', async () => {
    const supervisor = await login(t.app, 'supervisor');
    for (const path of ['/api/enterprise/inspections', `/api/enterprise/inspections/${planId}/trail`, '/api/enterprise/penalty-cases']) {
      expect([path, (await call(t.app, 'GET', path, { token: supervisor })).status, (await call(t.app, 'GET', path)).status]).toEqual([path, 403, 401]);
    }
  });
});
