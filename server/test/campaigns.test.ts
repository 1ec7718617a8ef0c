import { buildCreditCode, publicationDue, shanghaiDate } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const SHOP = buildCreditCode('92410204', 'MA002301');
const MILL = buildCreditCode('92410204', 'MA002302');
const FAR = buildCreditCode('92410305', 'MA002303');

describe('special campaigns (专项检查): drafted, approved, published, and plans filed under them', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ token: tokens[user] });
  const scope = (extra: Record<string, unknown> = {}) => ({
    name: '燃气安全专项检查', summary: '餐饮场所燃气使用安全', industries: ['餐饮服务'], regionPrefixes: ['4102'], itemIds: ['I1', 'I2'],
    agencyIds: ['A1', 'A2'], periodFrom: inDays(8), periodTo: inDays(60), ...extra,
  });
  const file = (user: string, creditCode: string, date: string, campaignId?: string) =>
    call(t.app, 'POST', '/api/plans', { ...as(user), body: { creditCode, date, trigger: 'planned', officerIds: [user === 'officer1' ? 'O1' : 'O2'], itemIds: [user === 'officer1' ? 'I1' : 'I2'], ...(campaignId ? { campaignId } : {}) } });

  beforeAll(async () => {
    t = await startTestApp('campaigns');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A3', '市城市管理局', 'city', '410202')");
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法')");
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C'), (?, '面粉厂', '食品生产', '410204', 'C'), (?, '远郊饭店', '餐饮服务', '410305', 'C')",
      [SHOP, MILL, FAR],
    );
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1', 'officer2']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  let id = '';
  it('an agency admin drafts for its agency; bad input is a 400 naming the field and changes nothing', async () => {
    expect((await call(t.app, 'POST', '/api/campaigns', { ...as('officer1'), body: scope() })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/campaigns', { ...as('discipline'), body: scope() })).status).toBe(403);
    const backwards = await call(t.app, 'POST', '/api/campaigns', { ...as('admin1'), body: scope({ periodTo: inDays(1) }) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ field: 'periodTo', reason: '结束日期不能早于开始日期' }]);
    expect((await call(t.app, 'POST', '/api/campaigns', { ...as('admin1'), body: scope({ itemIds: ['NOPE'] }) })).body.error.fields[0].field).toBe('itemIds');
    expect((await call(t.app, 'POST', '/api/campaigns', { ...as('admin1'), body: scope({ agencyIds: ['A2'] }) })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/campaigns', { ...as('admin1'), body: { ...scope(), extra: 1 } })).status).toBe(400);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM campaigns'))[0].n)).toBe(0);
    const drafted = await call(t.app, 'POST', '/api/campaigns', { ...as('admin1'), body: scope() });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      status: 'draft', ownerAgencyName: '市市场监督管理局', agencyNames: ['市市场监督管理局', '市消防救援支队'], itemNames: ['食品经营许可检查', '消防设施检查'], overdue: false, publishDue: null,
    });
    id = drafted.body.id;
    // The form offers every agency to join, not only the drafter's own.
    expect((await call(t.app, 'GET', '/api/campaigns/agencies', as('admin1'))).body).toEqual([
      { id: 'A1', name: '市市场监督管理局' }, { id: 'A2', name: '市消防救援支队' }, { id: 'A3', name: '市城市管理局' },
    ]);
  });

  it('while a draft it is its agency\'s alone: others neither read nor change it, and plans cannot be filed under it', async () => {
    expect((await call(t.app, 'GET', `/api/campaigns/${id}`, as('admin2'))).status).toBe(404);
    expect((await call(t.app, 'PUT', `/api/campaigns/${id}`, { ...as('admin2'), body: scope() })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/campaigns', as('admin2'))).body.total).toBe(0);
    expect((await call(t.app, 'GET', `/api/campaigns/${id}`, as('discipline'))).status).toBe(200);
    expect((await file('officer2', SHOP, inDays(10), id)).status).toBe(404);
    const own = await file('officer1', SHOP, inDays(10), id);
    expect(own.status).toBe(422);
    expect(own.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['campaign-unpublished']);
  });

  it('submitted, the supervisor returns it with reasons; edited and submitted again, approved with a deadline to publish', async () => {
    expect((await call(t.app, 'POST', `/api/campaigns/${id}/submit`, as('admin1'))).body.status).toBe('submitted');
    expect((await call(t.app, 'PUT', `/api/campaigns/${id}`, { ...as('admin1'), body: scope() })).status).toBe(409);
    expect((await call(t.app, 'POST', `/api/campaigns/${id}/decision`, { ...as('admin1'), body: { approve: true } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/campaigns/${id}/decision`, { ...as('supervisor'), body: { approve: false } })).body.error.fields).toEqual([{ field: 'note', reason: '退回须写明理由（至少2个字）' }]);
    const returned = await call(t.app, 'POST', `/api/campaigns/${id}/decision`, { ...as('supervisor'), body: { approve: false, note: '请补充检查事项依据' } });
    expect(returned.body).toMatchObject({ status: 'returned', decisionNote: '请补充检查事项依据' });
    expect((await call(t.app, 'PUT', `/api/campaigns/${id}`, { ...as('admin1'), body: scope({ name: '2026年冬季燃气安全专项检查' }) })).body.name).toBe('2026年冬季燃气安全专项检查');
    await call(t.app, 'POST', `/api/campaigns/${id}/submit`, as('admin1'));
    const approved = await call(t.app, 'POST', `/api/campaigns/${id}/decision`, { ...as('supervisor'), body: { approve: true } });
    expect(approved.body).toMatchObject({ status: 'approved', publishDue: publicationDue(shanghaiDate(new Date())), overdue: false });
    expect((await call(t.app, 'POST', `/api/campaigns/${id}/decision`, { ...as('supervisor'), body: { approve: true } })).status).toBe(409);
  });

  it('an approved campaign past its deadline shows as overdue to the supervisors', async () => {
    await t.dataSource.query('UPDATE campaigns SET publish_due = ? WHERE id = ?', [inDays(-1), id]);
    const overdue = await call(t.app, 'GET', '/api/campaigns?status=overdue', as('supervisor'));
    expect(overdue.body.items).toEqual([expect.objectContaining({ id, overdue: true, status: 'approved' })]);
    await t.dataSource.query('UPDATE campaigns SET publish_due = ? WHERE id = ?', [inDays(20), id]);
    expect((await call(t.app, 'GET', '/api/campaigns?status=overdue', as('supervisor'))).body.total).toBe(0);
    expect((await call(t.app, 'GET', '/api/campaigns?status=soon', as('supervisor'))).status).toBe(400);
  });

  it('published by its drafter, it is public and joinable by the agencies that join', async () => {
    expect((await call(t.app, 'POST', `/api/campaigns/${id}/publish`, as('admin2'))).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/public/campaigns', {})).body).toEqual([]);
    const published = await call(t.app, 'POST', `/api/campaigns/${id}/publish`, as('admin1'));
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.stringMatching(/\+08:00$/) });
    expect(published.body.history.map((e: { kind: string }) => e.kind)).toEqual([
      'campaign-drafted', 'campaign-submitted', 'campaign-returned', 'campaign-edited', 'campaign-submitted', 'campaign-approved', 'campaign-published',
    ]);
    const pub = await call(t.app, 'GET', '/api/public/campaigns', {});
    expect(pub.body).toEqual([expect.objectContaining({ id, status: 'published', agencyNames: ['市市场监督管理局', '市消防救援支队'], itemNames: ['食品经营许可检查', '消防设施检查'], industries: ['餐饮服务'] })]);
    expect(JSON.stringify(pub.body)).not.toMatch(/A1|I1|user:/);
    expect((await call(t.app, 'GET', '/api/campaigns/joinable', as('officer2'))).body.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await call(t.app, 'GET', '/api/campaigns', as('admin2'))).body.total).toBe(1);
    // The trail of the campaign verifies like an inspection's.
    const rows = await t.dataSource.query('SELECT kind FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [`campaign:${id}`]);
    expect(rows).toHaveLength(7);
  });

  it('refuses plans out of scope with the rule, files those in scope, and counts them', async () => {
    const rules = async (res: { status: number; body: { error: { refusals: { rule: string }[] } } }) => {
      expect(res.status).toBe(422);
      return res.body.error.refusals.map((r) => r.rule);
    };
    expect(await rules(await file('officer1', MILL, inDays(10), id))).toEqual(['campaign-scope']);
    expect(await rules(await file('officer1', FAR, inDays(10), id))).toEqual(['campaign-scope']);
    expect(await rules(await file('officer1', SHOP, inDays(61), id))).toEqual(['campaign-period']);
    await t.dataSource.query("DELETE FROM campaign_agencies WHERE campaign_id = ? AND agency_id = 'A2'", [id]);
    expect(await rules(await file('officer2', SHOP, inDays(10), id))).toEqual(['campaign-agency']);
    await t.dataSource.query("INSERT INTO campaign_agencies (campaign_id, agency_id) VALUES (?, 'A2')", [id]);
    expect((await file('officer1', SHOP, inDays(10), 'NOPE')).status).toBe(404);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM plans'))[0].n)).toBe(0);

    const filed = await file('officer1', SHOP, inDays(10), id);
    expect(filed.status).toBe(201);
    expect(filed.body.campaign).toEqual({ id, name: '2026年冬季燃气安全专项检查' });
    const second = await file('officer2', SHOP, inDays(11), id);
    expect(second.body.campaign.id).toBe(id);
    expect((await file('officer1', MILL, inDays(12))).body.campaign).toBeNull();
    await t.dataSource.query('UPDATE plans SET finished_at = NOW(3) WHERE id = ?', [filed.body.id]);
    const progress = await call(t.app, 'GET', `/api/plans/campaign-progress?ids=${id},NOPE`, as('supervisor'));
    expect(progress.body).toEqual([{ campaignId: id, filed: 2, finished: 1 }, { campaignId: 'NOPE', filed: 0, finished: 0 }]);
    expect((await call(t.app, 'GET', `/api/plans/campaign-progress?ids=${id}`, as('officer1'))).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/plans/campaign-progress?ids=a%20b', as('supervisor'))).status).toBe(400);
  });

  it('closes after its period: no more plans, listed as closed, still public', async () => {
    await t.dataSource.query('UPDATE campaigns SET period_from = ?, period_to = ? WHERE id = ?', [inDays(-30), inDays(-1), id]);
    expect((await call(t.app, 'GET', `/api/campaigns/${id}`, as('admin1'))).body.status).toBe('closed');
    expect((await call(t.app, 'GET', '/api/campaigns?status=closed', as('supervisor'))).body.total).toBe(1);
    expect((await call(t.app, 'GET', '/api/campaigns/joinable', as('officer1'))).body).toEqual([]);
    const refused = await file('officer1', SHOP, inDays(14), id);
    expect(refused.body.error.refusals).toEqual([expect.objectContaining({ rule: 'campaign-unpublished', message: expect.stringContaining('已结束') })]);
    expect((await call(t.app, 'GET', '/api/public/campaigns', {})).body[0].status).toBe('closed');
  });

  it('a supervisor drafts one for the city and publishes it; a campaign not approved is not published', async () => {
    const drafted = await call(t.app, 'POST', '/api/campaigns', { ...as('supervisor'), body: scope({ agencyIds: ['A2', 'A3'], regionPrefixes: [] }) });
    expect(drafted.body).toMatchObject({ ownerAgencyId: null, ownerAgencyName: null });
    expect((await call(t.app, 'POST', `/api/campaigns/${drafted.body.id}/publish`, as('supervisor'))).status).toBe(409);
    expect((await call(t.app, 'POST', `/api/campaigns/${drafted.body.id}/submit`, as('admin2'))).status).toBe(404);
    await call(t.app, 'POST', `/api/campaigns/${drafted.body.id}/submit`, as('supervisor'));
    expect((await call(t.app, 'GET', '/api/campaigns?status=submitted', as('supervisor'))).body.items.map((c: { id: string }) => c.id)).toEqual([drafted.body.id]);
  });
});
