/**
 * Visits that are not inspections (回访、服务走访) and accompanied enforcement (陪同执法): filed, coded and
 * scanned like inspections by the business-environment bureau (an agency in the register, its people
 * officers), never merged with inspections or locking them out, never an exchange-format inspection
 * record or an inspection in the nightly report; shown to the enterprise and counted in its figure.
 */
import { addDays, buildCreditCode, shanghaiDate } from '@mashang/shared';
import { hashPassword } from '../src/modules/auth/password.js';
import { previousShanghaiDay } from '../src/modules/analytics/shanghai-days.js';
import { signInFromOutbox } from './support/enterprise-port.js';
import { PASSWORD, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000911');
const MILL = buildCreditCode('91410200', 'MA000912');
const SHOP_PHONE = '13800000911';
const MILL_PHONE = '13900000912';
const today = () => shanghaiDate(Date.now());

describe('visits that are not inspections, and accompanied enforcement', () => {
  let t: TestApp;
  let biz: string;
  let officer1: string;
  let supervisor: string;
  let visit: { id: string; code: string };
  let inspection: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp('visits', { env: { SMS_PROVIDER: 'outbox' } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO agencies (id, name, kind, region) VALUES ('BIZ', '市营商环境建设局', 'business', '410202')");
    await ds.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('B1', 'BIZ', '王芳', '营商监督0001')");
    await ds.query("INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES ('biz1', ?, 'officer', '王芳', 'BIZ', 'B1')", [await hashPassword(PASSWORD)]);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条')");
    const cipher = testPhoneCipher();
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)]);
    [biz, officer1, supervisor] = await Promise.all([login(t.app, 'biz1'), login(t.app, 'officer1'), login(t.app, 'supervisor')]);
  });
  afterAll(() => t?.close());

  const trailKinds = async (id: string) => (await t.dataSource.query('SELECT kind FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [id])).map((r: { kind: string }) => r.kind);

  it('files a return visit: no items, no trigger, a ZF code, labelled 回访, on the trail', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: biz, body: { creditCode: SHOP, date: today(), kind: 'return-visit', reason: '行政处罚后回访', officerIds: ['B1'] } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'return-visit', kindLabel: '回访', trigger: 'planned', itemIds: [], approval: null, accompanying: [], reason: '行政处罚后回访' });
    expect(filed.body.code).toMatch(/^ZF\d{8}-/);
    visit = { id: filed.body.id, code: filed.body.code };
    expect(await trailKinds(visit.id)).toEqual(['filed']);
  });

  it('refuses bad input with the stable shape and changes nothing', async () => {
    const before = (await t.dataSource.query('SELECT COUNT(*) AS n FROM plans'))[0].n;
    const withItems = await call(t.app, 'POST', '/api/plans', { token: biz, body: { creditCode: SHOP, date: today(), kind: 'policy-visit', officerIds: ['B1'], itemIds: ['I1'] } });
    expect(withItems.status).toBe(400);
    expect(withItems.body.error.fields).toEqual([{ field: 'itemIds', reason: '回访、服务走访不填写检查事项' }]);
    const unknownKind = await call(t.app, 'POST', '/api/plans', { token: biz, body: { creditCode: SHOP, date: today(), kind: 'tea-party', trigger: 'planned', officerIds: ['B1'], itemIds: [] } });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['kind']);
    const inspectionWithoutItems = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '投诉', officerIds: ['O1'], itemIds: [] } });
    expect(inspectionWithoutItems.status).toBe(400);
    expect(inspectionWithoutItems.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['itemIds']);
    const past = await call(t.app, 'POST', '/api/plans', { token: biz, body: { creditCode: SHOP, date: addDays(today(), -1), kind: 'research-visit', officerIds: ['B1'] } });
    expect(past.status).toBe(422);
    expect(past.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['past-date']);
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM plans'))[0].n).toBe(before);
  });

  it('never merges an inspection with a visit of the same day', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '群众投诉后厨卫生', officerIds: ['O1'], itemIds: ['I1'] } });
    expect(filed.status).toBe(201);
    inspection = { id: filed.body.id, code: filed.body.code };
    expect(filed.body).toMatchObject({ kind: 'inspection', kindLabel: '行政检查', inspection: { leadPlanId: inspection.id, joint: false } });
    const visitView = await call(t.app, 'GET', `/api/plans/${visit.id}`, { token: biz });
    expect(visitView.body.inspection).toMatchObject({ leadPlanId: visit.id, joint: false });
  });

  it('codes both; neither code locks the other out, and the code page says what it is', async () => {
    const inspectionCode = await call(t.app, 'POST', `/api/plans/${inspection.id}/code`, { token: officer1, body: {} });
    expect(inspectionCode.status).toBe(200);
    const visitCode = await call(t.app, 'POST', `/api/plans/${visit.id}/code`, { token: biz, body: {} });
    expect(visitCode.status).toBe(200);
    const page = await call(t.app, 'GET', `/api/codes/${visitCode.body.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ kindLabel: '回访', agencies: [{ name: '市营商环境建设局', planCode: visit.code, officers: [{ name: '王芳' }], items: [] }] });
    (visit as any).token = visitCode.body.token;
    (inspection as any).token = inspectionCode.body.token;
  });

  it('lets the bureau accompany the inspection by its plan code (陪同执法): on the plan, the code page and the trail', async () => {
    const joined = await call(t.app, 'POST', '/api/plans/accompany', { token: biz, body: { planCode: inspection.code } });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ planCode: inspection.code, agencyName: '市市场监督管理局', enterpriseName: '老王烩面馆', accompanying: [{ name: '王芳', agencyName: '市营商环境建设局' }] });
    // Joining again changes nothing.
    expect((await call(t.app, 'POST', '/api/plans/accompany', { token: biz, body: { planCode: inspection.code } })).body.accompanying).toHaveLength(1);
    expect((await trailKinds(inspection.id)).filter((k: string) => k === 'accompanied')).toHaveLength(1);

    const own = await call(t.app, 'POST', '/api/plans/accompany', { token: officer1, body: { planCode: inspection.code } });
    expect(own.status).toBe(422);
    expect(own.body.error.refusals[0].rule).toBe('own-agency');
    const aVisit = await call(t.app, 'POST', '/api/plans/accompany', { token: officer1, body: { planCode: visit.code } });
    expect(aVisit.body.error.refusals[0].rule).toBe('not-an-inspection');
    expect((await call(t.app, 'POST', '/api/plans/accompany', { token: biz, body: { planCode: 'JH20260101-AAAAAA' } })).status).toBe(404);
    expect((await call(t.app, 'POST', '/api/plans/accompany', { token: biz, body: { planCode: 'nonsense' } })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/plans/accompany', { token: supervisor, body: { planCode: inspection.code } })).status).toBe(403);

    const plan = await call(t.app, 'GET', `/api/plans/${inspection.id}`, { token: officer1 });
    expect(plan.body.accompanying).toEqual([{ name: '王芳', agencyName: '市营商环境建设局', at: expect.any(String) }]);
    const page = await call(t.app, 'GET', `/api/codes/${(inspection as any).token}`);
    expect(page.body.accompanying).toEqual([{ name: '王芳', agencyName: '市营商环境建设局', at: expect.any(String) }]);
    expect(page.body.kindLabel).toBeUndefined();
    const publicTrail = await call(t.app, 'GET', `/api/codes/${(inspection as any).token}/trail`);
    expect(JSON.stringify(publicTrail.body)).toContain('陪同执法');
  });

  it('scans the visit in and ends it without items; the inspection is scanned in beside it', async () => {
    const visitIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: biz, body: { creditCode: SHOP, clientKey: 'visit-in' } });
    expect(visitIn.status).toBe(200);
    const inspectionIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: SHOP, clientKey: 'inspection-in' } });
    expect(inspectionIn.status).toBe(200);
    // Offline replays of the visit's check-in and finish count once, as for inspections.
    const sync = await call(t.app, 'POST', '/api/onsite/sync', { token: biz, body: { actions: [
      { type: 'check-in', clientKey: 'visit-in', body: { creditCode: SHOP } },
      { type: 'finish', clientKey: 'visit-out', planId: visit.id, body: {} },
    ] } });
    expect(sync.status).toBe(200);
    expect(sync.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'applied']);
    const view = await call(t.app, 'GET', `/api/onsite/inspections/${visit.id}`, { token: biz });
    expect(view.body).toMatchObject({ status: 'finished', kind: 'return-visit', kindLabel: '回访', items: [], result: null });
    expect(await trailKinds(visit.id)).toEqual(['filed', 'coded', 'checked-in', 'finished']);

    const onsite = await call(t.app, 'GET', `/api/onsite/inspections/${inspection.id}`, { token: officer1 });
    expect(onsite.body.accompanying).toEqual([{ name: '王芳', agencyName: '市营商环境建设局', at: expect.any(String) }]);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${inspection.id}/findings`, { token: officer1, body: { itemId: 'I1', outcome: 'pass', clientKey: 'visits-finding-1' } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${inspection.id}/finish`, { token: officer1, body: { clientKey: 'visits-finish-1' } })).status).toBe(200);
  });

  it('writes no inspection record for the visit: not in the exchange export, the inspection is', async () => {
    const records = await t.dataSource.query('SELECT id FROM inspections');
    expect(records.map((r: { id: string }) => r.id)).toEqual([inspection.id]);
    const exported = await call(t.app, 'GET', '/api/exchange/export/inspections', { token: supervisor });
    expect(exported.status).toBe(200);
    const text = typeof exported.body === 'string' ? exported.body : JSON.stringify(exported.body);
    expect(text).toContain(inspection.id);
    expect(text).not.toContain(visit.id);
  });

  it('shows the enterprise its visit with its label, the accompanied inspection, and its figure; another enterprise sees none of it', async () => {
    const shop = await signInFromOutbox(t.app, t.dataSource, SHOP, SHOP_PHONE);
    const visits = await call(t.app, 'GET', '/api/enterprise/visits', { token: shop });
    expect(visits.status).toBe(200);
    expect(visits.body).toEqual([{
      id: visit.id, kind: 'return-visit', kindLabel: '回访', agencyName: '市营商环境建设局', planCode: visit.code, date: today(),
      checkedInAt: expect.any(String), finishedAt: expect.any(String), officers: [{ name: '王芳' }], purpose: '行政处罚后回访',
    }]);
    const inspections = await call(t.app, 'GET', '/api/enterprise/inspections', { token: shop });
    expect(inspections.body.items[0].accompanying).toEqual([{ name: '王芳', agencyName: '市营商环境建设局' }]);
    const counts = await call(t.app, 'GET', '/api/enterprise/visit-counts', { token: shop });
    expect(counts.body).toMatchObject({ days: 365, inspections: 1, accompanied: 1, visits: 1, total: 2 });
    expect(counts.body.byKind.find((k: { kind: string }) => k.kind === 'return-visit')).toEqual({ kind: 'return-visit', label: '回访', count: 1 });

    const mill = await signInFromOutbox(t.app, t.dataSource, MILL, MILL_PHONE);
    expect((await call(t.app, 'GET', '/api/enterprise/visits', { token: mill })).body).toEqual([]);
    expect((await call(t.app, 'GET', '/api/enterprise/visit-counts', { token: mill })).body).toMatchObject({ inspections: 0, visits: 0, total: 0, accompanied: 0 });
    expect((await call(t.app, 'GET', '/api/enterprise/visits', { token: officer1 })).status).toBe(403);
  });

  it('counts visits apart in the dashboard: by kind per agency and month, accompanied inspections beside them', async () => {
    const month = today().slice(0, 7);
    const all = await call(t.app, 'GET', '/api/supervision/visits?months=3', { token: supervisor });
    expect(all.status).toBe(200);
    expect(all.body.months).toHaveLength(3);
    expect(all.body.rows).toEqual([{ agencyId: 'BIZ', agencyName: '市营商环境建设局', month, counts: { 'return-visit': 1, 'policy-visit': 0, 'research-visit': 0, accompanied: 1 }, total: 2 }]);
    const own = await call(t.app, 'GET', '/api/supervision/visits', { token: await login(t.app, 'admin1') });
    expect(own.body.rows).toEqual([]);
    expect((await call(t.app, 'GET', '/api/supervision/visits?months=99', { token: supervisor })).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/supervision/visits', { token: officer1 })).status).toBe(403);
  });

  it('leaves the visit out of the nightly report\'s inspection counts', async () => {
    // Both happened "yesterday": the report's window.
    const asOf = previousShanghaiDay(Date.now());
    await t.dataSource.query('UPDATE inspections SET started_at = started_at - INTERVAL 1 DAY, finished_at = finished_at - INTERVAL 1 DAY');
    await t.dataSource.query('UPDATE inspection_officers SET started_at = started_at - INTERVAL 1 DAY, finished_at = finished_at - INTERVAL 1 DAY');
    await t.dataSource.query('UPDATE plans SET checked_in_at = checked_in_at - INTERVAL 1 DAY, finished_at = finished_at - INTERVAL 1 DAY');
    await call(t.app, 'POST', '/api/anomaly/runs', { token: supervisor, body: { asOf } });
    for (let i = 0; i < 160 && (await call(t.app, 'GET', `/api/anomaly/runs/${asOf}`, { token: supervisor })).body.status !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const file = await call(t.app, 'GET', `/api/anomaly/reports/${asOf}/file`, { token: supervisor });
    expect(file.status).toBe(200);
    expect(file.body.summary.byAgency.A1.inspections).toBe(1);
    expect(file.body.summary.byAgency.BIZ?.inspections ?? 0).toBe(0);
  });
});
