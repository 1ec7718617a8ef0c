import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { hashPassword } from '../src/modules/auth/password.js';
import { PASSWORD, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const code = (n: number) => buildCreditCode('92410202', `MA000${200 + n}`);

describe('joint-supervision scenarios and review requests', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const file = (user: string, creditCode: string, date: string, officer: string, item: string) =>
    call(t.app, 'POST', '/api/plans', { token: tokens[user], body: { creditCode, date, trigger: 'planned', officerIds: [officer], itemIds: [item] } });

  beforeAll(async () => {
    t = await startTestApp('scenarios_reviews');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A3', '市市场监督管理局祥符分局', 'market', '410212')");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('O3', 'A3', '孙丽', '豫C0000009')");
    await t.dataSource.query('INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, ?, ?, ?, ?)', ['officer3', await hashPassword(PASSWORD), 'officer', '孙丽', 'A3', 'O3']);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法'), ('I3', 'A3', '食品经营许可检查', '食品安全法')");
    for (let n = 1; n <= 3; n++) {
      await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, ?, 'catering', '410202', 'C')", [code(n), `老王烩面馆${n}`]);
    }
    for (const user of ['officer1', 'officer2', 'officer3', 'admin1', 'admin2', 'supervisor']) tokens[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  describe('scenarios', () => {
    it('are kept by supervisors', async () => {
      const body = { id: 'catering-opening', name: '餐饮店联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'] };
      expect((await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.admin1, body })).status).toBe(403);
      expect((await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.supervisor, body: { ...body, agencyIds: ['A1', 'NOPE'] } })).body.error.fields[0].field).toBe('agencyIds');
      expect((await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.supervisor, body })).status).toBe(201);
      expect((await call(t.app, 'GET', '/api/joint-scenarios', { token: tokens.officer1 })).body).toEqual([{ ...body, active: true }]);
    });

    it('are edited field by field: a new name leaves the scenario in force', async () => {
      const renamed = await call(t.app, 'PATCH', '/api/joint-scenarios/catering-opening', { token: tokens.supervisor, body: { name: '餐饮店开业联合检查' } });
      expect(renamed.body).toEqual({ id: 'catering-opening', name: '餐饮店开业联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'], active: true });
    });

    it('name industries as the register writes them, which the register lists with their counts', async () => {
      expect((await call(t.app, 'GET', '/api/registry/industries', { token: tokens.supervisor })).body).toEqual([{ industry: 'catering', enterprises: 3 }]);
    });

    it('an inspection closing without the scenario\'s agencies needs a reason, which is kept for the supervisor', async () => {
      const alone = await file('officer1', code(1), inDays(8), 'O1', 'I1');
      const refused = await call(t.app, 'POST', `/api/plans/${alone.body.id}/code`, { token: tokens.officer1, body: {} });
      expect(refused.status).toBe(422);
      expect(refused.body.error.refusals).toEqual([expect.objectContaining({ rule: 'joint-scenario', message: expect.stringContaining('市消防救援支队') })]);
      expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_codes'))[0].n).toBe('0');

      const issued = await call(t.app, 'POST', `/api/plans/${alone.body.id}/code`, { token: tokens.officer1, body: { aloneReason: '消防部门本月已检查过该店' } });
      expect(issued.status).toBe(200);
      const history = await call(t.app, 'GET', `/api/plans/${alone.body.id}/history`, { token: tokens.officer1 });
      expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'refused', 'alone', 'coded']);
      expect(history.body[2].detail).toEqual({ scenario: '餐饮店开业联合检查', missingAgencyIds: ['A2'], reason: '消防部门本月已检查过该店' });
      // The agencies an entry names come with their names, for the officer's app to show.
      expect(history.body[2].agencyNames).toEqual({ A2: '市消防救援支队' });
      const [{ alone_reason }] = await t.dataSource.query('SELECT alone_reason FROM plans WHERE id = ?', [alone.body.id]);
      expect(alone_reason).toBe('消防部门本月已检查过该店');
    });

    it('needs no reason once the others have joined', async () => {
      const lead = await file('officer1', code(2), inDays(8), 'O1', 'I1');
      await file('officer2', code(2), inDays(9), 'O2', 'I2');
      expect((await call(t.app, 'POST', `/api/plans/${lead.body.id}/code`, { token: tokens.officer1, body: {} })).status).toBe(200);
    });
  });

  describe('review requests (异议复查)', () => {
    let reviewId = '';

    beforeAll(async () => {
      await t.dataSource.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('R1', 'A1', ?, 'planned', NOW() - INTERVAL 20 DAY, NOW() - INTERVAL 20 DAY + INTERVAL 1 HOUR, 1, 'pass')",
        [code(3)],
      );
    });

    it('a same-industry agency disputes a recent result instead of re-inspecting', async () => {
      expect((await call(t.app, 'POST', '/api/reviews', { token: tokens.officer2, body: { inspectionId: 'R1', reason: '现场照片显示后厨不合格' } })).body.error.fields[0].reason).toContain('同行业');
      expect((await call(t.app, 'POST', '/api/reviews', { token: tokens.officer1, body: { inspectionId: 'R1', reason: '自己的结果' } })).status).toBe(400);
      const requested = await call(t.app, 'POST', '/api/reviews', { token: tokens.officer3, body: { inspectionId: 'R1', reason: '群众反映后厨卫生问题未被记录' } });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        status: 'pending', agencyId: 'A3', inspectedByAgencyId: 'A1', events: [{ kind: 'requested' }],
        // What a person reads: the names, and the result disputed.
        agencyName: '市市场监督管理局祥符分局', inspectedByAgencyName: '市市场监督管理局', enterpriseName: '老王烩面馆3', inspectionResult: 'pass',
      });
      reviewId = requested.body.id;
      expect((await call(t.app, 'POST', '/api/reviews', { token: tokens.officer3, body: { inspectionId: 'R1', reason: '再申请一次' } })).status).toBe(409);
    });

    it('while pending, the disputing agency may not inspect the enterprise; emergencies excepted', async () => {
      const refused = await file('officer3', code(3), inDays(8), 'O3', 'I3');
      expect(refused.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['review-pending']);
      const emergency = await call(t.app, 'POST', '/api/plans', { token: tokens.officer3, body: { creditCode: code(3), date: inDays(0), trigger: 'emergency', reason: '食物中毒报告', officerIds: ['O3'], itemIds: ['I3'] } });
      expect(emergency.status).toBe(201);
    });

    it('the supervisor decides; the log keeps each step; the parties and overseers can read it', async () => {
      expect((await call(t.app, 'POST', `/api/reviews/${reviewId}/decision`, { token: tokens.admin1, body: { accept: false, note: 'x' } })).status).toBe(403);
      const decided = await call(t.app, 'POST', `/api/reviews/${reviewId}/decision`, { token: tokens.supervisor, body: { accept: false, note: '原检查记录完整，结果维持' } });
      expect(decided.body).toMatchObject({ status: 'rejected', events: [{ kind: 'requested' }, { kind: 'rejected', note: '原检查记录完整，结果维持', actor: expect.stringMatching(/supervisor$/) }] });
      expect((await call(t.app, 'POST', `/api/reviews/${reviewId}/decision`, { token: tokens.supervisor, body: { accept: true, note: '改判' } })).status).toBe(409);
      // The supervision case the request raised carries the decision in its log.
      const caseLog = await t.dataSource.query(
        "SELECT e.kind, e.detail FROM flagged_case_events e JOIN flagged_cases c ON c.id = e.case_id WHERE c.dedupe_key = ? ORDER BY e.id", [`review:${reviewId}`]);
      expect(caseLog.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'review-decided']);
      expect(JSON.parse(caseLog[1].detail)).toEqual({ decision: 'rejected', note: '原检查记录完整，结果维持' });
      expect((await call(t.app, 'GET', `/api/reviews/${reviewId}`, { token: tokens.admin1 })).status).toBe(200);
      expect((await call(t.app, 'GET', `/api/reviews/${reviewId}`, { token: tokens.admin2 })).status).toBe(403);
      expect((await call(t.app, 'GET', '/api/reviews', { token: tokens.admin2 })).body.total).toBe(0);
      expect((await call(t.app, 'GET', '/api/reviews?status=pending', { token: tokens.supervisor })).body.total).toBe(0);
      expect((await call(t.app, 'GET', '/api/reviews?status=rejected', { token: tokens.supervisor })).body.items.map((r: { id: string }) => r.id)).toEqual([reviewId]);
      expect((await call(t.app, 'GET', '/api/reviews?status=maybe', { token: tokens.supervisor })).status).toBe(400);
      expect((await file('officer3', code(3), inDays(30), 'O3', 'I3')).status).toBe(201);
    });
  });
});
