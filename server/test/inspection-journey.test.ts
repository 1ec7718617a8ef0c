import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { eventually } from './evaluation-fakes.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000501');
const today = () => shanghaiDate(new Date());
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * The flow of one inspection across every module, over HTTP with real MariaDB, Redis and Bull:
 * two agencies file, merge, code, check in, record, finish → one SMS → the enterprise rates one
 * agency badly → a flagged case the supervisor sees → every step on the trail, chain intact.
 */
describe('one joint inspection, from plan to supervision', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('inspection_journey');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I9', 'A2', '消防设施检查', '《消防法》第十六条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', ?, 'C')", [SHOP, testPhoneCipher().encrypt('13912345678')]);
    for (const user of ['officer1', 'officer2', 'supervisor', 'admin1', 'admin2']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t?.close());

  it('walks every port of 企业评、部门督、司法管', async () => {
    const first = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '群众投诉', officerIds: ['O1'], itemIds: ['I1'] } });
    const second = await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '消防隐患举报', officerIds: ['O2'], itemIds: ['I9'] } });
    expect((await call(t.app, 'POST', `/api/plans/${first.body.id}/code`, { token: tokens.officer1 })).status).toBe(200);

    for (const [officer, plan, item] of [['officer1', first.body.id, 'I1'], ['officer2', second.body.id, 'I9']]) {
      expect((await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens[officer], body: { creditCode: SHOP, clientKey: key('ci') } })).status).toBe(200);
      expect((await call(t.app, 'POST', `/api/onsite/inspections/${plan}/findings`, { token: tokens[officer], body: { itemId: item, outcome: 'pass', clientKey: key('f') } })).status).toBe(200);
      expect((await call(t.app, 'POST', `/api/onsite/inspections/${plan}/finish`, { token: tokens[officer], body: { clientKey: key('fin') } })).status).toBe(200);
    }

    // One SMS for the joint inspection, phone masked wherever it is shown.
    const outbox = await eventually(async () => {
      const answer = await call(t.app, 'GET', '/api/sms/outbox', { token: tokens.supervisor });
      return answer.body.length ? answer.body : null;
    }, 20_000, 'the SMS invite');
    expect(outbox).toHaveLength(1);
    expect(outbox[0].phone).toBe('139****5678');
    const credential = new URL(outbox[0].link).pathname.split('/').pop()!;

    const invite = await call(t.app, 'GET', `/api/ratings/invites/${credential}`);
    expect(invite.status).toBe(200);
    expect(invite.body.agencies.map((a: { agencyId: string }) => a.agencyId).sort()).toEqual(['A1', 'A2']);
    const rated = await call(t.app, 'POST', `/api/ratings/invites/${credential}`, {
      body: {
        ratings: [
          { agencyId: 'A1', language: 5, procedure: 5, manner: 5, fairness: 5, verdict: 'approve', flags: [] },
          { agencyId: 'A2', language: 2, procedure: 3, manner: 2, fairness: 3, verdict: 'disapprove', flags: ['excessive'], comment: '一周来了三次' },
        ],
      },
    });
    expect(rated.status).toBe(200);

    // The bad rating is a case for the supervisor, and the agency admin of A2 sees it; A1's admin does not.
    const cases = await call(t.app, 'GET', '/api/supervision/cases', { token: tokens.supervisor });
    const ratingCases = cases.body.items.filter((c: { source: string }) => c.source === 'rating');
    expect(ratingCases).toHaveLength(1);
    expect(ratingCases[0]).toMatchObject({ agencyId: 'A2', inspectionId: second.body.id });
    expect((await call(t.app, 'GET', '/api/supervision/cases', { token: tokens.admin2 })).body.items.map((c: { id: string }) => c.id)).toContain(ratingCases[0].id);
    expect((await call(t.app, 'GET', '/api/supervision/cases', { token: tokens.admin1 })).body.items.map((c: { id: string }) => c.id)).not.toContain(ratingCases[0].id);

    // Every step is on A2's trail, in order, and the chain holds.
    const trail = await call(t.app, 'GET', `/api/inspections/${second.body.id}/trail`, { token: tokens.supervisor });
    const kinds = trail.body.entries.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['filed', 'merged']);
    for (const kind of ['coded', 'checked-in', 'finding', 'finished', 'invited', 'rated', 'flagged']) expect(kinds).toContain(kind);
    expect(kinds.indexOf('finished')).toBeLessThan(kinds.indexOf('invited'));
    expect(kinds.indexOf('rated')).toBeLessThan(kinds.indexOf('flagged'));
    expect((await call(t.app, 'GET', `/api/inspections/${second.body.id}/trail/verify`, { token: tokens.supervisor })).body).toMatchObject({ intact: true });

    // The exchange export carries the on-site inspections and the ratings like any imported record.
    const [records] = await t.dataSource.query("SELECT COUNT(*) AS n FROM inspections WHERE joint_id = ?", [first.body.id]);
    expect(Number(records.n)).toBe(2);
    const ratings = await t.dataSource.query('SELECT agency_id, verdict, flags FROM ratings ORDER BY agency_id');
    expect(ratings).toEqual([{ agency_id: 'A1', verdict: 'approve', flags: '' }, { agency_id: 'A2', verdict: 'disapprove', flags: 'excessive' }]);
  });
});
