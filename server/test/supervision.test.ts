import { addDays, buildCreditCode, type CaseDetail, type CaseListItem, type CasePage, shanghaiDate } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { appendTrail, raiseFlag } from './support/trail-and-flags.js';
import { ratingDigest } from '../src/modules/evaluation/rating-digest.js';
import { credentialHash } from '../src/modules/evaluation/rating-token.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000501');
const MILL = buildCreditCode('91410200', 'MA000502');
const today = () => shanghaiDate(new Date());
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('supervision: the flagged-case queue, the case page, the workflow, the dashboard', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = <T = any>(user: string, url: string) => call<T>(t.app, 'GET', url, { token: tokens[user] });
  const act = (user: string, id: string, body: Record<string, unknown>) => call<CaseDetail>(t.app, 'POST', `/api/supervision/cases/${id}/actions`, { token: tokens[user], body });
  const eventCount = async (id: string) => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM flagged_case_events WHERE case_id = ?', [id]))[0].n);

  /** A bad rating raised into a case the way the evaluation module does: inspection, rating, flag, in one transaction. */
  async function badRating(inspectionId: string, agencyId: string, officerId: string, creditCode: string, at: Date): Promise<string> {
    return t.dataSource.transaction(async (manager) => {
      await manager.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, ?, ?, 'planned', ?, ?, 1, 'case')",
        [inspectionId, agencyId, creditCode, new Date(at.getTime() - 86_400_000), new Date(at.getTime() - 82_800_000)],
      );
      await addInspectionOfficer(manager, inspectionId, officerId);
      await appendTrail(manager, inspectionId, 'finished', `user:9:${officerId}`, { result: 'case' }, new Date(at.getTime() - 82_800_000));
      await manager.query(
        "INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES (?, ?, 2, 1, 2, 1, 'disapprove', 'repeated,excessive', '一个月来了两次', ?)",
        [inspectionId, agencyId, at],
      );
      await appendTrail(manager, inspectionId, 'rated', 'enterprise', { agencyId, verdict: 'disapprove' }, at);
      const { id } = await raiseFlag(manager, {
        dedupeKey: `rating:${inspectionId}:${agencyId}`, source: 'rating', rule: 'disapprove', subjectType: 'inspection', subjectId: inspectionId,
        agencyId, creditCode, officerId, inspectionId, severity: 'high', title: '企业不满意：重复检查、滥检查', evidence: { inspectionId, verdict: 'disapprove' }, actor: 'enterprise',
      }, at);
      return id;
    });
  }

  let ratingA1 = '';
  let ratingA2 = '';
  let earlierA1 = '';
  let anomalyId = '';

  beforeAll(async () => {
    t = await startTestApp('supervision');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C'), (?, '开封宏达机械制造有限公司', 'manufacturing', '410202', 'B')", [SHOP, MILL]);
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1']) tokens[user] = await login(t.app, user);
    earlierA1 = await badRating('X0', 'A1', 'O1', SHOP, daysAgo(40));
    ratingA1 = await badRating('X1', 'A1', 'O1', SHOP, daysAgo(1));
    ratingA2 = await badRating('X2', 'A2', 'O2', MILL, daysAgo(6));
    await t.dataSource.query("INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at) VALUES ('C9', 'A1', ?, 'X1', 'FSL-87', 'general', 500000, 'filed', NOW())", [SHOP]);
    anomalyId = await t.dataSource.transaction(async (manager) =>
      (await raiseFlag(manager, {
        dedupeKey: 'anomaly:officer-overload:officer:O1', source: 'anomaly', rule: 'officer-overload', subjectType: 'officer', subjectId: 'O1', agencyId: 'A1', officerId: 'O1',
        severity: 'medium', title: '执法人员检查量异常', evidence: { inspectionIds: ['X0', 'X1'], caseIds: ['C9'] }, actor: 'system:nightly-report',
      }, daysAgo(2))).id,
    );
  });
  afterAll(() => t?.close());

  describe('the queue', () => {
    it('shows supervisors and discipline every case, newest first, with names and overdue marks', async () => {
      const page = await get<CasePage>('supervisor', '/api/supervision/cases');
      expect(page.status).toBe(200);
      expect(page.body.items.map((c) => c.id)).toEqual([ratingA1, anomalyId, ratingA2, earlierA1]);
      expect(page.body.total).toBe(4);
      const a2 = page.body.items.find((c) => c.id === ratingA2)!;
      expect(a2).toMatchObject({ agencyName: '市消防救援支队', enterpriseName: '开封宏达机械制造有限公司', officerName: '李娜', status: 'open', overdue: true });
      expect(page.body.items.find((c) => c.id === ratingA1)!.overdue).toBe(false);
      expect((await get<CasePage>('discipline', '/api/supervision/cases')).body.total).toBe(4);
    });

    it('confines an agency admin to its own agency and shuts officers out', async () => {
      const own = await get<CasePage>('admin1', '/api/supervision/cases');
      expect(own.body.items.map((c) => c.agencyId)).toEqual(['A1', 'A1', 'A1']);
      expect((await get('admin1', '/api/supervision/cases?agencyId=A2')).status).toBe(403);
      expect((await get('admin1', `/api/supervision/cases/${ratingA2}`)).status).toBe(403);
      expect((await get('admin2', '/api/supervision/cases')).body.items.map((c: CaseListItem) => c.id)).toEqual([ratingA2]);
      expect((await get('officer1', '/api/supervision/cases')).status).toBe(403);
      expect((await call(t.app, 'GET', '/api/supervision/cases')).status).toBe(401);
    });

    it('filters by source, agency, status, age and overdue, and searches by enterprise name or credit code', async () => {
      const ids = async (query: string) => (await get<CasePage>('supervisor', `/api/supervision/cases?${query}`)).body.items.map((c) => c.id);
      expect(await ids('source=anomaly')).toEqual([anomalyId]);
      expect(await ids('agencyId=A2')).toEqual([ratingA2]);
      expect(await ids('status=open&source=rating')).toEqual([ratingA1, ratingA2, earlierA1]);
      expect(await ids('overdue=true')).toEqual([ratingA2, earlierA1]);
      expect(await ids('minAgeDays=5')).toEqual([ratingA2, earlierA1]);
      expect(await ids('maxAgeDays=6')).toEqual([ratingA1, anomalyId, ratingA2]);
      expect(await ids('minAgeDays=2&maxAgeDays=6')).toEqual([anomalyId, ratingA2]);
      expect(await ids(`q=${encodeURIComponent('烩面')}`)).toEqual([ratingA1, earlierA1]);
      expect(await ids(`q=${SHOP.slice(0, 8)}`)).toEqual([ratingA1, earlierA1]);
      expect(await ids(`q=${SHOP.toLowerCase()}`)).toEqual([ratingA1, earlierA1]);
      expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
      const bad = await get('supervisor', '/api/supervision/cases?status=lost&pageSize=1000');
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['pageSize', 'status']);
    });

    it('pages by keyset in every sort order, each case exactly once; by deadline only cases that have one', async () => {
      const walk = async (sort: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let total = 0;
        do {
          const page: CasePage = (await get<CasePage>('supervisor', `/api/supervision/cases?pageSize=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)).body;
          total = page.total;
          seen.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.length).toBe(total);
        expect(new Set(seen).size).toBe(total);
        return seen;
      };
      expect(await walk('newest')).toEqual([ratingA1, anomalyId, ratingA2, earlierA1]);
      expect(await walk('oldest')).toEqual([earlierA1, ratingA2, anomalyId, ratingA1]);
      await t.dataSource.query("UPDATE flagged_cases SET deadline = CASE id WHEN ? THEN '2026-06-02' WHEN ? THEN '2026-06-01' WHEN ? THEN '2026-06-01' END WHERE id IN (?, ?, ?)", [
        ratingA1, anomalyId, ratingA2, ratingA1, anomalyId, ratingA2,
      ]);
      const byDeadline = await walk('deadline');
      await t.dataSource.query('UPDATE flagged_cases SET deadline = NULL');
      expect(byDeadline).toEqual([...[anomalyId, ratingA2].sort(), ratingA1]);
      expect((await get('supervisor', '/api/supervision/cases?cursor=bm9wZQ')).status).toBe(400);
    });
  });

  describe('a case page', () => {
    it('gathers the trail, ratings, the finding’s records and earlier cases on the same enterprise and officer', async () => {
      const detail = await get<CaseDetail>('supervisor', `/api/supervision/cases/${ratingA1}`);
      expect(detail.status).toBe(200);
      expect(detail.body.trail.map((e) => e.kind)).toEqual(['finished', 'rated', 'flagged']);
      expect(detail.body.ratings).toEqual([expect.objectContaining({ agencyId: 'A1', verdict: 'disapprove', flags: ['repeated', 'excessive'], comment: '一个月来了两次', fairness: 1 })]);
      expect(detail.body.inspection).toMatchObject({ id: 'X1', agencyName: '市市场监督管理局', creditCode: SHOP });
      expect(detail.body.related.map((c) => c.id)).toEqual([anomalyId, earlierA1]);
      expect(detail.body.events).toEqual([expect.objectContaining({ kind: 'raised', actor: 'enterprise' })]);
      expect(detail.body.allowedActions.sort()).toEqual(['assign', 'investigate', 'note']);
      // The on-site document store exists in this build: an empty list, not "unavailable".
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'inspection_documents'");
      expect(detail.body.documents).toEqual(Number(n) ? [] : null);

      const anomaly = await get<CaseDetail>('supervisor', `/api/supervision/cases/${anomalyId}`);
      expect(anomaly.body.evidenceRecords.inspections.map((i) => i.id)).toEqual(['X0', 'X1']);
      expect(anomaly.body.evidenceRecords.cases).toEqual([expect.objectContaining({ id: 'C9', cause: 'FSL-87' })]);
      expect((await get('supervisor', '/api/supervision/cases/nope')).status).toBe(404);
    });

    it('offers discipline and agency admins no supervisor actions', async () => {
      expect((await get<CaseDetail>('discipline', `/api/supervision/cases/${ratingA1}`)).body.allowedActions).toEqual(['note']);
      expect((await get<CaseDetail>('admin1', `/api/supervision/cases/${ratingA1}`)).body.allowedActions).toEqual(['note']);
      const related = (await get<CaseDetail>('admin1', `/api/supervision/cases/${ratingA1}`)).body.related;
      expect(related.every((c) => c.agencyId === 'A1')).toBe(true);
    });
  });

  describe('the workflow', () => {
    it('rectification: ordered by the supervisor, answered by the agency, confirmed, each step logged by whom', async () => {
      expect((await act('admin1', ratingA1, { action: 'investigate' })).status).toBe(403);
      const investigating = await act('supervisor', ratingA1, { action: 'investigate' });
      expect(investigating.status).toBe(200);
      expect(investigating.body.case).toMatchObject({ status: 'investigating', assigneeName: 'supervisor', deadline: addDays(today(), 10) });

      const pastDeadline = await act('supervisor', ratingA1, { action: 'order-rectification', note: '立即整改', deadline: addDays(today(), -1) });
      expect(pastDeadline.status).toBe(400);
      expect(pastDeadline.body).toMatchObject({ error: { fields: [{ field: 'deadline' }] } });
      expect(await eventCount(ratingA1)).toBe(2);

      const ordered = await act('supervisor', ratingA1, { action: 'order-rectification', note: '停止对该店重复检查，说明原因', deadline: addDays(today(), 7) });
      expect(ordered.body.case).toMatchObject({ status: 'rectifying', deadline: addDays(today(), 7) });
      expect(ordered.body.allowedActions).toEqual(['note']);

      expect((await act('admin2', ratingA1, { action: 'answer-rectification', note: '不是我们的' })).status).toBe(403);
      expect((await act('officer1', ratingA1, { action: 'answer-rectification', note: '已整改' })).status).toBe(403);
      const ownView = await get<CaseDetail>('admin1', `/api/supervision/cases/${ratingA1}`);
      expect(ownView.body.allowedActions.sort()).toEqual(['answer-rectification', 'note']);
      const answered = await act('admin1', ratingA1, { action: 'answer-rectification', note: '已调整检查计划，向企业致歉' });
      expect(answered.body.case.status).toBe('answered');
      expect((await act('admin1', ratingA1, { action: 'answer-rectification', note: '再答一次' })).status).toBe(409);

      const confirmed = await act('supervisor', ratingA1, { action: 'confirm-rectification' });
      expect(confirmed.body.case).toMatchObject({ status: 'closed', conclusion: 'rectified', deadline: null, overdue: false });
      expect(confirmed.body.events.map((e) => [e.kind, e.actorName])).toEqual([
        ['raised', null], ['investigating', 'supervisor'], ['rectification-ordered', 'supervisor'], ['rectification-answered', 'admin1'], ['rectification-confirmed', 'supervisor'],
      ]);
      expect(confirmed.body.events[3].detail).toMatchObject({ from: 'rectifying', to: 'answered', note: '已调整检查计划，向企业致歉' });
      expect(confirmed.body.allowedActions).toEqual([]);
      expect((await act('supervisor', ratingA1, { action: 'note', note: '补记' })).status).toBe(409);
    });

    it('referral: only discipline inspection records the outcome', async () => {
      expect((await act('supervisor', ratingA2, { action: 'refer-discipline', note: '涉嫌滥检查' })).status).toBe(409);
      await act('supervisor', ratingA2, { action: 'assign' });
      const referred = await act('supervisor', ratingA2, { action: 'refer-discipline', note: '涉嫌滥检查，移交纪检监察' });
      expect(referred.body.case).toMatchObject({ status: 'referred', deadline: addDays(today(), 30) });
      expect((await act('supervisor', ratingA2, { action: 'record-discipline-outcome', note: 'x', outcome: 'accountable' })).status).toBe(403);
      expect((await act('discipline', ratingA2, { action: 'record-discipline-outcome', note: '已谈话提醒' })).status).toBe(400);
      expect((await get<CasePage>('discipline', '/api/supervision/cases?status=referred')).body.items.map((c) => c.id)).toEqual([ratingA2]);
      const done = await act('discipline', ratingA2, { action: 'record-discipline-outcome', note: '已对当事执法人员诫勉谈话', outcome: 'accountable' });
      expect(done.body.case).toMatchObject({ status: 'closed', conclusion: 'disciplined' });
      expect(done.body.events.at(-1)).toMatchObject({ kind: 'discipline-outcome', actorName: 'discipline', detail: { outcome: 'accountable' } });
    });

    it('a fabricated complaint goes on the enterprise’s credit record, in the same transaction', async () => {
      await act('supervisor', earlierA1, { action: 'assign', assigneeId: 1 });
      expect((await act('supervisor', earlierA1, { action: 'assign', assigneeId: 3 })).status).toBe(400);
      const done = await act('supervisor', earlierA1, { action: 'conclude-fabricated', note: '执法记录仪显示检查规范，企业评价与事实不符' });
      expect(done.body.case.conclusion).toBe('fabricated');
      expect(done.body.creditRecords).toEqual([expect.objectContaining({ kind: 'fabricated-complaint', caseId: earlierA1, note: '执法记录仪显示检查规范，企业评价与事实不符' })]);
      expect((await act('supervisor', anomalyId, { action: 'investigate' })).status).toBe(200);
      const refused = await act('supervisor', anomalyId, { action: 'conclude-fabricated', note: 'x' });
      expect(refused.status).toBe(409);
      expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM enterprise_credit_records'))[0].n).toBe('1');
    });

    it('attachments: added by whoever may write a note, read by whoever may see the case', async () => {
      const content = Buffer.from('%PDF-1.4 调查笔录').toString('base64');
      const added = await call(t.app, 'POST', `/api/supervision/cases/${anomalyId}/attachments`, { token: tokens.supervisor, body: { name: '调查笔录.pdf', mime: 'application/pdf', content } });
      expect(added.status).toBe(201);
      expect((await call(t.app, 'POST', `/api/supervision/cases/${anomalyId}/attachments`, { token: tokens.admin2, body: { name: 'x.txt', mime: 'text/plain', content } })).status).toBe(403);
      const tooBig = await call(t.app, 'POST', `/api/supervision/cases/${anomalyId}/attachments`, { token: tokens.supervisor, body: { name: 'big.bin', mime: 'application/octet-stream', content: Buffer.alloc(710 * 1024).toString('base64') } });
      expect(tooBig.status).toBe(413);
      const file = await t.app.inject({ method: 'GET', url: `/api/supervision/cases/${anomalyId}/attachments/${added.body.id}`, headers: { authorization: `Bearer ${tokens.admin1}` } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.rawPayload.toString()).toBe('%PDF-1.4 调查笔录');
      expect((await get('admin2', `/api/supervision/cases/${anomalyId}/attachments/${added.body.id}`)).status).toBe(403);
      const detail = await get<CaseDetail>('supervisor', `/api/supervision/cases/${anomalyId}`);
      expect(detail.body.attachments).toEqual([expect.objectContaining({ name: '调查笔录.pdf', size: Buffer.from('%PDF-1.4 调查笔录').length })]);
      expect(detail.body.events.at(-1)).toMatchObject({ kind: 'attachment', detail: { name: '调查笔录.pdf' } });
    });
  });

  describe('cases raised by other modules', () => {
    it('a review request (异议复查) and going alone in a joint scenario each raise one case', async () => {
      await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A3', '市市场监督管理局祥符分局', 'market', '410212')");
      await t.dataSource.query("INSERT INTO users (username, password_hash, role, display_name, agency_id) SELECT 'admin3', password_hash, 'agency-admin', 'admin3', 'A3' FROM users WHERE username = 'admin1'");
      const requested = await call(t.app, 'POST', '/api/reviews', { token: await login(t.app, 'admin3'), body: { inspectionId: 'X1', reason: '现场照片显示后厨不合格' } });
      expect(requested.status).toBe(201);
      const review = (await get<CasePage>('supervisor', '/api/supervision/cases?source=review')).body.items;
      expect(review).toEqual([expect.objectContaining({ agencyId: 'A1', creditCode: SHOP, inspectionId: 'X1' })]);
      const [{ dedupe_key }] = await t.dataSource.query('SELECT dedupe_key FROM flagged_cases WHERE id = ?', [review[0].id]);
      expect(dedupe_key).toBe(`review:${requested.body.id}`);

      await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法')");
      await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.supervisor, body: { id: 'catering', name: '餐饮店联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'] } });
      const officer = await login(t.app, 'officer1');
      const plan = await call(t.app, 'POST', '/api/plans', { token: officer, body: { creditCode: SHOP, date: addDays(today(), 8), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] } });
      expect(plan.status).toBe(201);
      expect((await call(t.app, 'POST', `/api/plans/${plan.body.id}/code`, { token: officer, body: { aloneReason: '消防部门本月已检查过该店' } })).status).toBe(200);
      const alone = (await get<CasePage>('admin1', '/api/supervision/cases?source=alone')).body.items;
      expect(alone).toEqual([expect.objectContaining({ agencyId: 'A1', creditCode: SHOP, title: expect.stringContaining('市消防救援支队') })]);
      const [{ dedupe_key: aloneKey }] = await t.dataSource.query('SELECT dedupe_key FROM flagged_cases WHERE id = ?', [alone[0].id]);
      expect(aloneKey).toBe(`alone:${plan.body.id}`);
    });
  });

  describe('the enterprise port (企业评)', () => {
    it('shows the enterprise, by its SMS link, what became of its poor ratings, and nothing by a wrong link', async () => {
      const token = 'Zk3q9LmN0pQrStUvWxYz12';
      await t.dataSource.query(
        "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV1', 'G1', ?, NULL, 'link', ?, NULL, '2026-03-01', NOW() - INTERVAL 40 DAY, NOW() - INTERVAL 33 DAY)",
        [SHOP, credentialHash({ kind: 'link', token })],
      );
      await t.dataSource.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV1', 'X1', 'A1', 0)");
      const outcome = await call(t.app, 'GET', `/api/supervision/outcomes/${token}`);
      expect(outcome.status).toBe(200);
      expect(outcome.body).toEqual([{ caseId: ratingA1, agencyName: '市市场监督管理局', status: 'closed', statusLabel: '已办结', conclusion: 'rectified', conclusionLabel: '已整改（立行立改）', updatedAt: expect.any(String) }]);
      expect(JSON.stringify(outcome.body)).not.toContain('向企业致歉');
      expect((await call(t.app, 'GET', `/api/supervision/outcomes/${'A'.repeat(22)}`)).status).toBe(404);
      expect((await call(t.app, 'GET', '/api/supervision/outcomes/ABC234')).status).toBe(404);
    });
  });

  describe('the dashboard', () => {
    it('counts inspections, satisfaction, the inspection rate, joint vs single and open cases by age; an agency admin sees its own', async () => {
      const all = await get('supervisor', '/api/supervision/dashboard?months=3');
      expect(all.status).toBe(200);
      expect(all.body.inspectionsByMonth.months).toHaveLength(3);
      const totals = Object.fromEntries(all.body.inspectionsByMonth.series.map((s: { agencyId: string; counts: number[] }) => [s.agencyId, s.counts.reduce((a, b) => a + b, 0)]));
      expect(totals).toEqual({ A1: 2, A2: 1 });
      expect(all.body.jointVsSingle.joint.reduce((a: number, b: number) => a + b, 0)).toBe(0);
      expect(all.body.jointVsSingle.single.reduce((a: number, b: number) => a + b, 0)).toBe(3);
      expect(all.body.satisfaction.map((s: { agencyId: string; ratings: number; approveRate: number; meanScore: number }) => [s.agencyId, s.ratings, s.approveRate, s.meanScore])).toEqual([
        ['A1', 2, 0, 1.5], ['A2', 1, 0, 1.5],
      ]);
      expect(all.body.inspectionRate).toEqual({ inspected: 2, registered: 2, rate: 1 });
      // Open: the review and alone cases (today), the anomaly (investigating, 2 days).
      expect(all.body.openFlagsByAge.map((b: { count: number }) => b.count)).toEqual([3, 0, 0, 0, 0]);
      expect(all.body.today).toMatchObject({ total: 0 });

      const own = await get('admin2', '/api/supervision/dashboard');
      expect(own.body.inspectionsByMonth.series.map((s: { agencyId: string }) => s.agencyId)).toEqual(['A2']);
      // One rating of A2 in the year: too few for A2's own admin to see, who could tell that one enterprise's rating.
      expect(own.body.satisfaction).toEqual([]);
      expect(own.body.inspectionRate.inspected).toBe(1);
      expect(own.body.openFlagsByAge.map((b: { count: number }) => b.count)).toEqual([0, 0, 0, 0, 0]);
      expect((await get('officer1', '/api/supervision/dashboard')).status).toBe(403);
    });

    it('exports any table as an Excel file', async () => {
      const read = async (user: string, url: string) => {
        const answer = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });
        expect(answer.statusCode).toBe(200);
        expect(answer.headers['content-type']).toContain('spreadsheetml');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
        const sheet = book.worksheets[0];
        return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
      };
      const satisfaction = await read('supervisor', '/api/supervision/export/satisfaction');
      expect(satisfaction).toEqual([['执法部门', '评价数', '平均分（1–5）', '满意率'], ['市市场监督管理局', 2, 1.5, 0], ['市消防救援支队', 1, 1.5, 0]]);
      const cases = await read('admin2', '/api/supervision/export/cases?source=rating');
      expect(cases).toHaveLength(2);
      expect(cases[1][0]).toBe(ratingA2);
      expect((await read('supervisor', '/api/supervision/export/cases')).length).toBe(7);
      expect((await get('supervisor', '/api/supervision/export/nope')).status).toBe(404);
      expect((await get('officer1', '/api/supervision/export/cases')).status).toBe(403);
    });
  });

  describe('ratings stay anonymous to the rated agency', () => {
    const COMMENT = '一个月来了三次，影响营业';
    let rated = '';

    it('an enterprise\'s poor rating: the trail proves it by a digest; the agency\'s case names neither the enterprise nor what it said', async () => {
      await t.dataSource.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X7', 'A2', ?, 'planned', '2026-05-08 01:00:00', '2026-05-08 02:00:00', 1, 'pass')", [MILL]);
      await addInspectionOfficer(t.dataSource, 'X7', 'O2');
      const token = 'Rt7q9LmN0pQrStUvWxYz34';
      await t.dataSource.query(
        "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV7', 'X7', ?, NULL, 'link', ?, NULL, '2026-05-08', NOW(), NOW() + INTERVAL 7 DAY)",
        [MILL, credentialHash({ kind: 'link', token })],
      );
      await t.dataSource.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV7', 'X7', 'A2', 0)");
      const rating = { agencyId: 'A2', language: 1, procedure: 2, manner: 1, fairness: 2, verdict: 'disapprove', flags: ['excessive', 'repeated'], comment: COMMENT };
      expect((await call(t.app, 'POST', `/api/ratings/invites/${token}`, { body: { ratings: [rating] } })).status).toBe(200);

      const [row] = await t.dataSource.query("SELECT * FROM ratings WHERE inspection_id = 'X7'");
      const [entry] = await t.dataSource.query("SELECT detail FROM inspection_trail WHERE inspection_id = 'X7' AND kind = 'rated'");
      expect(JSON.parse(entry.detail)).toEqual({
        agencyId: 'A2',
        ratingDigest: ratingDigest({ ...rating, inspectionId: 'X7', flags: ['repeated', 'excessive'], ratedAt: new Date(row.rated_at) } as Parameters<typeof ratingDigest>[0], row.digest_salt),
      });

      [{ id: rated }] = await t.dataSource.query("SELECT id FROM flagged_cases WHERE dedupe_key = 'rating:X7:A2'");
      const listed = (await get<CasePage>('admin2', '/api/supervision/cases?source=rating')).body.items.find((c) => c.id === rated)!;
      expect(listed).toMatchObject({ title: '企业差评：市消防救援支队（企业不认可本次检查）', creditCode: null, enterpriseName: null, inspectionId: null, agencyId: 'A2' });
      expect((await get<CasePage>('admin2', `/api/supervision/cases?q=${encodeURIComponent('宏达')}`)).body.items.map((c) => c.id)).not.toContain(rated);
      expect((await get<CasePage>('supervisor', `/api/supervision/cases?q=${encodeURIComponent('宏达')}`)).body.items.map((c) => c.id)).toContain(rated);

      const own = await get<CaseDetail>('admin2', `/api/supervision/cases/${rated}`);
      expect(own.status).toBe(200);
      expect(own.body.anonymity).toEqual({ substancePassedOn: false });
      expect(own.body.case.evidence).toEqual({ inspectionDate: '2026-05-08' });
      expect([own.body.inspection, own.body.trail, own.body.ratings, own.body.related, own.body.creditRecords]).toEqual([null, [], [], [], []]);
      for (const secret of [COMMENT, MILL, '宏达', 'X7', '1分', 'language']) expect(JSON.stringify(own.body)).not.toContain(secret);

      const full = await get<CaseDetail>('supervisor', `/api/supervision/cases/${rated}`);
      expect(full.body.anonymity).toBeNull();
      expect(full.body.case).toMatchObject({ creditCode: MILL, enterpriseName: '开封宏达机械制造有限公司', inspectionId: 'X7', evidence: expect.objectContaining({ comment: COMMENT, language: 1 }) });
      expect(full.body.ratings).toEqual([expect.objectContaining({ comment: COMMENT, language: 1, verdict: 'disapprove' })]);
      expect((await get<CaseDetail>('discipline', `/api/supervision/cases/${rated}`)).body.ratings).toHaveLength(1);
    });

    it('the supervisor passes the substance on, once: the agency then reads the problems and the comment, still not who rated', async () => {
      expect((await act('supervisor', rated, { action: 'pass-on-substance', note: '请说明' })).status).toBe(409);
      await act('supervisor', rated, { action: 'investigate' });
      expect((await act('admin2', rated, { action: 'pass-on-substance', note: '请说明' })).status).toBe(403);
      const passed = await act('supervisor', rated, { action: 'pass-on-substance', note: '请部门说明一个月内多次检查的原因' });
      expect(passed.status).toBe(200);
      expect(passed.body.events.at(-1)).toMatchObject({ kind: 'substance-passed-on', actorName: 'supervisor', detail: { note: '请部门说明一个月内多次检查的原因' } });
      expect(passed.body.allowedActions).not.toContain('pass-on-substance');
      expect((await act('supervisor', rated, { action: 'pass-on-substance', note: '再转一次' })).status).toBe(409);

      const own = await get<CaseDetail>('admin2', `/api/supervision/cases/${rated}`);
      expect(own.body.anonymity).toEqual({ substancePassedOn: true });
      expect(own.body.case.evidence).toEqual({ inspectionDate: '2026-05-08', problems: ['重复检查', '滥检查'], comment: COMMENT });
      expect(own.body.ratings).toEqual([]);
      for (const secret of [MILL, '宏达', 'X7', 'language']) expect(JSON.stringify(own.body)).not.toContain(secret);
    });

    it('an agency reads its older rated trail entries without their content; the chain still verifies', async () => {
      const own = await get('admin1', '/api/inspections/X1/trail');
      expect(own.body.entries.find((e: { kind: string }) => e.kind === 'rated').detail).toEqual({ agencyId: 'A1' });
      const full = await get('supervisor', '/api/inspections/X1/trail');
      expect(full.body.entries.find((e: { kind: string }) => e.kind === 'rated').detail).toEqual({ agencyId: 'A1', verdict: 'disapprove' });
      expect((await get('admin1', '/api/inspections/X1/trail/verify')).body).toMatchObject({ intact: true });
    });

    it('shows an agency its satisfaction once five ratings or more make it up', async () => {
      const mine = async () => (await get('admin1', '/api/supervision/dashboard')).body.satisfaction;
      expect(await mine()).toEqual([]);
      for (const n of [1, 2, 3]) {
        await t.dataSource.query(
          "INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES (?, 'A1', 5, 5, 5, 5, 'approve', '', NULL, ?)",
          [`Y${n}`, daysAgo(n + 2)],
        );
      }
      expect(await mine()).toEqual([{ agencyId: 'A1', agencyName: '市市场监督管理局', ratings: 5, meanScore: 3.6, approveRate: 0.6 }]);
      const all = (await get('supervisor', '/api/supervision/dashboard')).body.satisfaction.map((r: { agencyId: string }) => r.agencyId);
      expect(all).toEqual(expect.arrayContaining(['A1', 'A2']));
    });
  });
});
