/**
 * The supervision code (监督码) against the database, Redis and Bull: a noticed case (fixture rows as
 * the notice writes them) read by its code, the party's statement, hearing request and objection with
 * their rules, the objection's flagged case on the supervisor's console, the case's trail, and the
 * code's SMS through the Aliyun wire format to a loopback fake.
 */
import { buildCreditCode, shanghaiDate, type SupervisionCodeView } from '@mashang/shared';
import type { Job } from 'bull';
import type { Redis } from 'ioredis';
import { REDIS } from '../src/infra/redis/redis.module.js';
import { PenaltyNoticeSms } from '../src/modules/cases/index.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken } from '../src/modules/cases/supervision-code/supervision-code-token.js';
import { firstBreak, TrailRepository } from '../src/modules/trail/index.js';
import { aliyunEnv, eventually, FakeSmsProvider } from './evaluation-fakes.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MP000001');
const BASE_URL = 'https://ruqi.example.gov.cn';
const DAY = 86_400_000;
const BENCHMARK = {
  clause: 'food-safety-34',
  name: '经营超过保质期的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
  ],
  bands: [{ level: 'light', minPoints: -10 }, { level: 'general', minPoints: 1 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 5_000_000 } },
};

interface Notice {
  stage?: string;
  /** Days from now; null: none. */
  statementDays?: number | null;
  hearingDays?: number | null;
  fine?: number;
}

describe('supervision code (监督码)', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let redis: Redis;
  let supervisor = '';
  let admin1 = '';
  let admin2 = '';

  const tokenOf = (caseId: string) => supervisionCodeToken(supervisionCodeKey(t.config.jwtSecret), caseId);

  /** A case as the notice leaves it: the exchange record, its procedure with the code's hash, and the periods. */
  async function noticed(caseId: string, { stage = 'notified', statementDays = 3, hearingDays = 5, fine = 0 }: Notice = {}): Promise<string> {
    const now = Date.now();
    const at = (days: number | null) => (days === null ? null : new Date(now + days * DAY));
    await t.dataSource.query(
      "INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at) VALUES (?, 'A1', ?, NULL, 'food-safety-34', 'general', ?, ?, ?)",
      [caseId, SHOP, fine, stage === 'closed' || stage === 'revoked' || stage === 'decided' ? stage : 'filed', new Date(now - 5 * DAY)],
    );
    await t.dataSource.query(
      `INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, factors, points, proposed_fine, range_min, range_max, notified_at, statement_until, hearing_until, measures, major, code_hash, filed_by, updated_at)
       VALUES (?, ?, 'inspection', '货架上有过期牛奶12盒，已过保质期3天', '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项', ?, 2, 2000000, 1000000, 3000000, ?, ?, ?, '', 0, ?, 5, ?)`,
      [caseId, stage, JSON.stringify(['first-offence', 'harm']), new Date(now - DAY), at(statementDays), at(hearingDays), supervisionCodeHash(tokenOf(caseId)), new Date(now - DAY)],
    );
    return tokenOf(caseId);
  }

  const view = (token: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url: `/api/penalty-codes/${token}`, remoteAddress });
  const submit = (token: string, body: unknown, remoteAddress = '127.0.0.1') => t.app.inject({
    method: 'POST', url: `/api/penalty-codes/${token}/submissions`, remoteAddress, headers: { 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (answer: { body: string }) => JSON.parse(answer.body);
  /** What a refused submission must leave as it was. */
  const written = async () => ({
    submissions: (await t.dataSource.query('SELECT COUNT(*) AS n FROM party_submissions'))[0].n,
    flagged: (await t.dataSource.query('SELECT COUNT(*) AS n FROM flagged_cases'))[0].n,
    trail: (await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_trail'))[0].n,
    hearings: (await t.dataSource.query('SELECT COUNT(*) AS n FROM case_procedures WHERE hearing_requested_at IS NOT NULL'))[0].n,
  });
  const trailOf = (caseId: string) => t.app.get(TrailRepository).entries(caseId);

  beforeAll(async () => {
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('supervision_code', {
      env: { ...aliyunEnv(fake.url), SMS_TIMEOUT: '800ms', SMS_RETRY_DELAY: '100ms', RATING_REMINDER_DELAY: 'off', PUBLIC_BASE_URL: BASE_URL },
    });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', ?, 'B')", [
      SHOP, testPhoneCipher().encrypt('13612345678'),
    ]);
    await t.dataSource.query(
      "INSERT INTO discretion_benchmarks (clause, name, legal_basis, factors, bands, ranges, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, NOW(), 'supervisor')",
      [BENCHMARK.clause, BENCHMARK.name, BENCHMARK.legalBasis, JSON.stringify(BENCHMARK.factors), JSON.stringify(BENCHMARK.bands), JSON.stringify(BENCHMARK.ranges)],
    );
    redis = t.app.get<Redis>(REDIS);
    // Unknown-code counters outlive a run by their window: start from none.
    await redis.del(['127.0.0.1', '198.51.100.21', '198.51.100.22'].map((ip) => `penalty-code-failures:${ip}`));
    supervisor = await login(t.app, 'supervisor');
    admin1 = await login(t.app, 'admin1');
    admin2 = await login(t.app, 'admin2');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('shows the party its case: the legal basis, the factors with their points, the level, range and fine, the deadlines and the three channels', async () => {
    const token = await noticed('PC-VIEW');
    const answer = await view(token);
    expect(answer.statusCode).toBe(200);
    const body: SupervisionCodeView = json(answer);
    expect(body).toEqual({
      caseId: 'PC-VIEW',
      stage: 'notified',
      agencyName: '市市场监督管理局',
      enterpriseName: '开封市鼓楼区老王烩面馆',
      causeName: '经营超过保质期的食品',
      facts: '货架上有过期牛奶12盒，已过保质期3天',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
      factors: [{ label: '初次违法', points: -2 }, { label: '造成危害后果', points: 4 }],
      points: 2,
      level: 'general',
      range: { min: 1_000_000, max: 3_000_000 },
      proposedFine: 2_000_000,
      decidedFine: null,
      statementUntil: expect.any(String),
      hearingUntil: expect.any(String),
      open: ['statement', 'hearing', 'objection'],
      submissions: [],
    });
    // Nothing personal: no officer, no account, no contact.
    for (const personal of ['张伟', '豫C0000001', '13612345678', '136****5678', 'officer1', SHOP]) expect(answer.body).not.toContain(personal);
    // The QR's short address opens the H5 page.
    const link = await t.app.inject({ method: 'GET', url: `/p/${token}` });
    expect([link.statusCode, link.headers.location]).toEqual([302, `/h5/enterprise.html#/enterprise/pages/penalty/index?t=${token}`]);
  });

  it('takes a statement within its period, keeps it, and appends a chained entry to the case\'s trail without the text', async () => {
    const token = await noticed('PC-STATE');
    const answer = await submit(token, { kind: 'statement', text: '  货品系供货商当日送达，已全部下架销毁。\n请求从轻处罚。  ' });
    expect(answer.statusCode).toBe(201);
    const { id, kind } = json(answer);
    expect(kind).toBe('statement');
    expect(await t.dataSource.query('SELECT case_id, kind, text, flagged_case_id FROM party_submissions WHERE id = ?', [id])).toEqual([
      { case_id: 'PC-STATE', kind: 'statement', text: '货品系供货商当日送达，已全部下架销毁。\n请求从轻处罚。', flagged_case_id: null },
    ]);
    const trail = await trailOf('PC-STATE');
    expect(trail.map((e) => [e.kind, e.actor])).toEqual([['party-submission', 'enterprise']]);
    expect(JSON.parse(trail[0].detail)).toEqual({ submissionId: id, kind: 'statement', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(trail[0].detail).not.toContain('下架');
    expect(firstBreak(trail)).toBeNull();
    // The page lists it, by kind and time only.
    expect(json(await view(token)).submissions).toEqual([{ kind: 'statement', at: expect.any(String) }]);
  });

  it('refuses a statement after its period, and a hearing when the fine allows none, writing nothing', async () => {
    const late = await noticed('PC-LATE', { statementDays: -1, hearingDays: -0.5 });
    expect(json(await view(late)).open).toEqual(['objection']);
    const before = await written();
    const refused = await submit(late, { kind: 'statement', text: '我们有异议' });
    expect([refused.statusCode, json(refused).error.code]).toEqual([409, 'CONFLICT']);
    expect(json(refused).error.message).toContain('陈述申辩期已届满');
    const hearing = await submit(late, { kind: 'hearing', text: '' });
    expect([hearing.statusCode, json(hearing).error.message]).toEqual([409, expect.stringContaining('期限已届满')]);

    const small = await noticed('PC-SMALL', { hearingDays: null });
    expect(json(await view(small)).open).toEqual(['statement', 'objection']);
    const none = await submit(small, { kind: 'hearing', text: '申请听证' });
    expect([none.statusCode, json(none).error.message]).toEqual([409, expect.stringContaining('不在听证范围内')]);
    expect(await written()).toEqual(before);
  });

  it('takes a hearing request once and marks it on the procedure', async () => {
    const token = await noticed('PC-HEAR');
    expect((await submit(token, { kind: 'hearing', text: '' })).statusCode).toBe(201);
    const [{ hearing_requested_at: at }] = await t.dataSource.query("SELECT hearing_requested_at FROM case_procedures WHERE case_id = 'PC-HEAR'");
    expect(at).toBeInstanceOf(Date);
    const before = await written();
    const again = await submit(token, { kind: 'hearing', text: '再次申请' });
    expect([again.statusCode, json(again).error.message]).toEqual([409, expect.stringContaining('已申请过听证')]);
    expect(await written()).toEqual(before);
    expect(json(await view(token)).open).toEqual(['statement', 'objection']);
  });

  it('is read-only once the case is closed or revoked: the page shows it, every submission is refused', async () => {
    const closed = await noticed('PC-CLOSED', { stage: 'closed', fine: 1_500_000 });
    const revoked = await noticed('PC-REVOKED', { stage: 'revoked' });
    expect(json(await view(closed))).toMatchObject({ stage: 'closed', decidedFine: 1_500_000, open: [] });
    expect(json(await view(revoked))).toMatchObject({ stage: 'revoked', decidedFine: null, open: [] });
    const before = await written();
    for (const token of [closed, revoked]) {
      for (const kind of ['statement', 'hearing', 'objection']) {
        const answer = await submit(token, { kind, text: '不服' });
        expect([answer.statusCode, json(answer).error.code, json(answer).error.message]).toEqual([409, 'CONFLICT', expect.stringContaining('只能查看，不能再提交')]);
      }
    }
    expect(await written()).toEqual(before);
  });

  it('answers a forged, malformed or unknown code with one 404 that says nothing, and slows down an address that keeps trying', async () => {
    const ip = '198.51.100.21';
    const before = await written();
    const forged = 'AbCdEfGhIjKlMnOpQrStUv';
    const answers = [await view(forged, ip), await view('short', ip), await view(`${'x'.repeat(21)}%2F`, ip), await submit(forged, { kind: 'objection', text: '有异议' }, ip)];
    const bodies = answers.map((a) => [a.statusCode, json(a)]);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toEqual([404, { error: { code: 'CODE_INVALID', message: expect.stringContaining('监督码无效') } }]);
    // Ten unknown codes an address may try (a malformed one never reaches the database and is not counted).
    for (let i = 2; i < 10; i += 1) expect((await view(forged, ip)).statusCode).toBe(404);
    const slowed = await view(await noticed('PC-THROTTLED'), ip);
    expect([slowed.statusCode, json(slowed).error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held up.
    expect((await view(tokenOf('PC-THROTTLED'), '198.51.100.22')).statusCode).toBe(200);
    expect(await written()).toEqual(before);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const token = await noticed('PC-BAD');
    const before = await written();
    const cases: [unknown, string][] = [
      [{ kind: 'appeal', text: '不服' }, 'kind'],
      [{ kind: 'objection', text: '   ' }, 'text'],
      [{ kind: 'statement', text: '字'.repeat(2001) }, 'text'],
      [{ kind: 'objection', text: 12 }, 'text'],
      [{ kind: 'objection', text: '不服', phone: '13612345678' }, 'phone'],
      [{ kind: 'objection' }, 'text'],
      [{ kind: 'objection', text: 'a\u0000b' }, 'text'],
    ];
    for (const [body, field] of cases) {
      const answer = await submit(token, body);
      expect([JSON.stringify(body).slice(0, 60), answer.statusCode, json(answer).error.code, json(answer).error.fields.map((f: { field: string }) => f.field)])
        .toEqual([JSON.stringify(body).slice(0, 60), 400, 'VALIDATION_FAILED', expect.arrayContaining([field])]);
    }
    expect((await submit(token, '{"kind":')).statusCode).toBe(400);
    expect(await written()).toEqual(before);
    expect(json(await view(token)).submissions).toEqual([]);
  });

  it('sends an objection straight to the supervisor as a flagged case on the case number, which the console lists under 处罚异议', async () => {
    const token = await noticed('PC-OBJECT');
    const answer = await submit(token, { kind: 'objection', text: '本店系初次违法且主动下架，不应认定造成危害后果，请求从轻。' });
    expect(answer.statusCode).toBe(201);
    const { id } = json(answer);
    const [submission] = await t.dataSource.query('SELECT flagged_case_id FROM party_submissions WHERE id = ?', [id]);
    expect(submission.flagged_case_id).toEqual(expect.any(String));
    const [flag] = await t.dataSource.query('SELECT id, dedupe_key, source, subject_type, subject_id, agency_id, credit_code, severity, status FROM flagged_cases WHERE id = ?', [submission.flagged_case_id]);
    expect(flag).toEqual({
      id: submission.flagged_case_id, dedupe_key: `objection:${id}`, source: 'objection', subject_type: 'case', subject_id: 'PC-OBJECT', agency_id: 'A1', credit_code: SHOP, severity: 'medium', status: 'open',
    });
    const trail = await trailOf('PC-OBJECT');
    expect(trail.map((e) => e.kind)).toEqual(['party-submission']);
    expect(JSON.parse(trail[0].detail)).toMatchObject({ submissionId: id, kind: 'objection', flaggedCaseId: flag.id });

    const listed = await call(t.app, 'GET', '/api/supervision/cases?source=objection', { token: supervisor });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string; title: string }) => [c.id, c.title])).toEqual([[flag.id, '当事人对案件 PC-OBJECT（经营超过保质期的食品）的处罚裁量提出异议']]);
    const detail = await call(t.app, 'GET', `/api/supervision/cases/${flag.id}`, { token: supervisor });
    expect(detail.body.case).toMatchObject({ source: 'objection', subjectType: 'case', subjectId: 'PC-OBJECT', agencyId: 'A1' });
    expect(detail.body.case.evidence).toMatchObject({
      caseId: 'PC-OBJECT', cause: 'food-safety-34', factors: ['初次违法（-2分）', '造成危害后果（+4分）'], points: 2, level: 'general', proposedFine: 2_000_000,
      fineRange: { min: 1_000_000, max: 3_000_000 }, objection: '本店系初次违法且主动下架，不应认定造成危害后果，请求从轻。',
    });
    expect(detail.body.evidenceRecords.cases.map((c: { id: string }) => c.id)).toEqual(['PC-OBJECT']);
    // The agency that proposed the fine sees it, to answer; another agency does not.
    expect((await call(t.app, 'GET', `/api/supervision/cases/${flag.id}`, { token: admin1 })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/supervision/cases/${flag.id}`, { token: admin2 })).status).toBe(403);
  });

  it('takes a few objections per case, each its own flagged case, then asks for writing', async () => {
    const token = await noticed('PC-MANY');
    const ids = [];
    for (let i = 1; i <= 3; i += 1) ids.push(json(await submit(token, { kind: 'objection', text: `第${i}次异议` })).id);
    const flagged = await t.dataSource.query("SELECT COUNT(DISTINCT flagged_case_id) AS n FROM party_submissions WHERE case_id = 'PC-MANY'");
    expect(Number(flagged[0].n)).toBe(3);
    const before = await written();
    const fourth = await submit(token, { kind: 'objection', text: '第4次异议' });
    expect([fourth.statusCode, json(fourth).error.message]).toEqual([409, expect.stringContaining('请书面提交办案机关')]);
    expect(await written()).toEqual(before);
    expect(firstBreak(await trailOf('PC-MANY'))).toBeNull();
  });

  it('sends the code to the enterprise\'s registered phone by SMS, exactly once, and records it on the case\'s trail', async () => {
    const token = await noticed('PC-SMS', { statementDays: 3 });
    const sms = t.app.get(PenaltyNoticeSms);
    expect(sms.codeUrl('PC-SMS')).toBe(`${BASE_URL}/p/${token}`);
    await sms.enqueue('PC-SMS');
    await sms.enqueue('PC-SMS');
    const sent = await eventually(() => fake.accepted.filter((a) => a.templateId === 'SMS_PENALTY').length > 0 && fake.accepted.filter((a) => a.templateId === 'SMS_PENALTY'), 20_000, 'the code\'s SMS');
    expect(sent).toHaveLength(1);
    const until = shanghaiDate(Date.parse((await t.dataSource.query("SELECT statement_until FROM case_procedures WHERE case_id = 'PC-SMS'"))[0].statement_until) - 1).split('-').map(Number);
    expect(sent[0]).toMatchObject({ phone: '13612345678', signName: '码上入企', params: { agency: '市市场监督管理局', link: `${BASE_URL}/p/${token}`, until: `${until[1]}月${until[2]}日` } });
    const entry = await eventually(async () => (await trailOf('PC-SMS')).find((e) => e.kind === 'code-sent'), 10_000, 'the code-sent entry');
    expect(entry.actor).toBe('system:sms');
    expect(JSON.parse(entry.detail)).toEqual({ provider: 'aliyun', providerMessageId: sent[0].providerMessageId, phone: '136****5678' });
    // Run again (a retried or re-queued job): nothing more is sent.
    const again = await sms.handle({ data: { caseId: 'PC-SMS' }, attemptsMade: 0, opts: { attempts: 8 } } as unknown as Job<{ caseId: string }>);
    expect(again).toBe('already sent');
    expect(fake.accepted.filter((a) => a.templateId === 'SMS_PENALTY')).toHaveLength(1);
    // A case not noticed, or closed meanwhile, gets none.
    expect(await sms.handle({ data: { caseId: 'PC-NOWHERE' }, attemptsMade: 0, opts: {} } as unknown as Job<{ caseId: string }>)).toBe('not noticed');
    await noticed('PC-SMS-CLOSED', { stage: 'closed' });
    expect(await sms.handle({ data: { caseId: 'PC-SMS-CLOSED' }, attemptsMade: 0, opts: {} } as unknown as Job<{ caseId: string }>)).toBe('already closed');
    expect(fake.accepted.filter((a) => a.templateId === 'SMS_PENALTY')).toHaveLength(1);
  });
});
