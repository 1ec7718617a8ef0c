/**
 * The demo's business-environment bureau and its part of the demo day: the bureau added to a loaded
 * city once (again changes nothing), its officer signs in, accompanies an inspection by its plan code
 * and makes a return visit to the demo enterprise — through deploy/lib/demo-visits.mjs, as `npm start` does.
 */
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { createDemoBureau, DEMO_BUREAU } from '../src/modules/demo/index.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000971');

describe('the demo\'s business-environment bureau', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('demo_visits');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A001', '开封市市场监督管理局', 'market', '410200')");
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', 'C')", [SHOP]);
  });
  afterAll(() => t?.close());

  it('is added once, named after the city, with an officer who signs in', async () => {
    await createDemoBureau(t.dataSource);
    await createDemoBureau(t.dataSource);
    expect(await t.dataSource.query('SELECT id, name, region FROM agencies WHERE id = ?', [DEMO_BUREAU.agencyId])).toEqual([{ id: 'YS001', name: '开封市营商环境建设局', region: '410200' }]);
    expect(await t.dataSource.query('SELECT id, agency_id FROM officers WHERE agency_id = ?', [DEMO_BUREAU.agencyId])).toEqual([{ id: 'YS001-001', agency_id: 'YS001' }]);
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE username = 'bizofficer'"))[0].n)).toBe(1);
  });

  it('accompanies an inspection and makes a return visit on the demo day', async () => {
    const { accompanyDemo, demoReturnVisit } = await import('../../deploy/lib/demo-visits.mjs' as string);
    const api = (method: string, path: string, options: { token?: string; body?: unknown } = {}) => call(t.app, method, path, options);
    const bizofficer = await login(t.app, 'bizofficer');
    const officer1 = await login(t.app, 'officer1');
    const inspection = (await api('POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: shanghaiDate(Date.now()), trigger: 'complaint', reason: '投诉', officerIds: ['O1'], itemIds: ['I1'] } })).body;
    expect(await accompanyDemo(api, bizofficer, inspection.code)).toBe(true);
    const code = await demoReturnVisit(api, bizofficer, { creditCode: SHOP, name: '老王烩面馆' });
    expect(code).toMatch(/^ZF/);
    const [visit] = await t.dataSource.query('SELECT kind, checked_in_at, finished_at FROM plans WHERE code = ?', [code]);
    expect(visit.kind).toBe('return-visit');
    expect(visit.finished_at).not.toBeNull();
    expect((await api('GET', `/api/plans/${inspection.id}`, { token: officer1 })).body.accompanying).toEqual([{ name: '王芳', agencyName: '开封市营商环境建设局', at: expect.any(String) }]);
  });
});
