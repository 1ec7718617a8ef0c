import { jest } from '@jest/globals';
import { assessDiscretion, shanghaiDate, type DiscretionBenchmark } from '@mashang/shared';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { raiseFlag } from './support/trail-and-flags.js';

jest.setTimeout(120_000);

const SHOP = '91440300708461136T';
const BENCHMARK = {
  clause: 'FSL-126', name: '未按规定建立并遵守进货查验记录制度', legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'illegal-gains', label: '有违法所得', points: 3 }, { id: 'harm', label: '造成危害后果', points: 4 }],
  bands: [{ level: 'light', minPoints: -100 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 10_000_000 } },
};
const OTHER = { ...BENCHMARK, clause: 'FSL-124', name: '经营不符合食品安全标准的食品', legalBasis: '《中华人民共和国食品安全法》第一百二十四条' };

describe('penalty cases: filed, noticed, decided after legal review when major, closed; coercive measures', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const file = (token: string, body: Record<string, unknown>) => call(t.app, 'POST', '/api/penalty-cases', { token, body });
  const statementBy = async (caseId: string) => t.dataSource.query(
    "INSERT INTO party_submissions (id, case_id, kind, text, at) VALUES (UUID(), ?, 'statement', '我方已整改', NOW(3))", [caseId]);

  beforeAll(async () => {
    t = await startTestApp('penalty_cases', { env: { PENALTY_HEARING_MIN_FINE_YUAN: '40000', PENALTY_MAJOR_MIN_FINE_YUAN: '50000' } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no, cert_expires) VALUES ('O1b', 'A1', '王芳', '豫C0000003', '2099-12-31'), ('O1x', 'A1', '赵磊', '豫C0000004', '2020-01-01')");
    await t.dataSource.query("UPDATE officers SET cert_expires = '2099-12-31' WHERE id = 'O1'");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王副食店', 'catering', '410202', 'B', ?)", [SHOP, testPhoneCipher().encrypt('13800138000')]);
    await t.dataSource.query(
      `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES
       ('INS-CASE', 'A1', ?, 'planned', NULL, NOW(3) - INTERVAL 2 HOUR, NOW(3) - INTERVAL 1 HOUR, 1, NULL, 'case'),
       ('INS-PASS', 'A1', ?, 'planned', NULL, NOW(3) - INTERVAL 2 HOUR, NOW(3) - INTERVAL 1 HOUR, 1, NULL, 'pass')`, [SHOP, SHOP]);
    for (const b of [BENCHMARK, OTHER]) {
      await t.dataSource.query('INSERT INTO discretion_benchmarks (clause, name, legal_basis, factors, bands, ranges, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, NOW(3), ?)',
        [b.clause, b.name, b.legalBasis, JSON.stringify(b.factors), JSON.stringify(b.bands), JSON.stringify(b.ranges), 'test']);
    }
    for (const name of ['officer1', 'officer2', 'admin1', 'admin2', 'supervisor', 'discipline']) tokens[name] = await login(t.app, name);
  });
  afterAll(() => t?.close());

  const valid = { inspectionId: 'INS-CASE', cause: 'FSL-126', facts: '未查验进货票据，现场有3批次食品无进货记录', officerIds: ['O1', 'O1b'] };

  it('refuses what may not be filed and writes nothing', async () => {
    expect((await file(tokens.officer1, { ...valid, inspectionId: 'INS-PASS' })).status).toBe(409);
    expect((await file(tokens.officer2, { ...valid, officerIds: ['O2', 'O1'] })).status).toBe(403);
    expect((await file(tokens.officer1, { ...valid, officerIds: ['O1'] })).status).toBe(400);
    expect((await file(tokens.officer1, { ...valid, cause: 'NO-SUCH' })).status).toBe(400);
    expect((await file(tokens.officer1, { ...valid, officerIds: ['O1', 'O2'] })).status).toBe(400);
    const lapsed = await file(tokens.officer1, { ...valid, officerIds: ['O1', 'O1x'] });
    expect(lapsed.status).toBe(422);
    expect(lapsed.body.error.refusals[0].rule).toBe('certificate-invalid');
    expect((await file(tokens.supervisor, valid)).status).toBe(403);
    await t.dataSource.query("UPDATE officers SET active = 0 WHERE id = 'O1b'");
    expect((await file(tokens.officer1, valid)).body.error.message).toContain('不在岗');
    await t.dataSource.query("UPDATE officers SET active = 1 WHERE id = 'O1b'");
    expect((await file(tokens.officer1, { ...valid, flaggedCaseId: '0190b7f0-0000-7000-8000-000000000000' })).status).toBe(400);
    expect(await count('case_procedures')).toBe(0);
    expect(await count('cases')).toBe(0);
  });

  it('files from an inspection, notices with the benchmark, decides after the statement, and closes; every step on the chain', async () => {
    const filed = await file(tokens.officer1, valid);
    expect(filed.status).toBe(201);
    const id: string = filed.body.id;
    expect(id).toMatch(/^AJ-\d{8}-[0-9A-F]{8}$/);
    expect(filed.body).toMatchObject({ stage: 'filed', enterpriseName: '老王副食店', causeName: BENCHMARK.name, legalBasis: BENCHMARK.legalBasis, actions: ['notice', 'change-cause', 'coerce', 'revoke'] });
    // The notice form assesses the ticked factors itself as they are ticked: the case carries the clause's bands and ranges.
    expect(filed.body).toMatchObject({ bands: BENCHMARK.bands, ranges: BENCHMARK.ranges });
    const preview = assessDiscretion({ ...BENCHMARK, factors: filed.body.factors, bands: filed.body.bands, ranges: filed.body.ranges } as DiscretionBenchmark, ['illegal-gains']);
    expect((await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.officer2 })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.supervisor })).body.actions).toEqual([]);

    const unknownFactor = await call(t.app, 'POST', `/api/penalty-cases/${id}/notice`, { token: tokens.officer1, body: { factorIds: ['bribery'], proposedFine: 1_500_000 } });
    expect(unknownFactor.status).toBe(400);
    const outside = await call(t.app, 'POST', `/api/penalty-cases/${id}/notice`, { token: tokens.officer1, body: { factorIds: ['illegal-gains'], proposedFine: 900_000 } });
    expect(outside.status).toBe(422);
    expect(outside.body.error.refusals[0].rule).toBe('outside-range');
    expect((await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.officer1 })).body.stage).toBe('filed');

    const noticed = await call(t.app, 'POST', `/api/penalty-cases/${id}/notice`, { token: tokens.officer1, body: { factorIds: ['illegal-gains'], proposedFine: 1_500_000 } });
    expect(noticed.status).toBe(200);
    expect(noticed.body).toMatchObject({ stage: 'notified', points: 3, level: 'general', range: { min: 1_000_000, max: 3_000_000 }, proposedFine: 1_500_000, hearingUntil: null });
    expect({ points: noticed.body.points, level: noticed.body.level, range: noticed.body.range }).toEqual(preview);
    expect(noticed.body.codeUrl).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
    expect(noticed.body.factors.filter((f: { ticked: boolean }) => f.ticked).map((f: { id: string }) => f.id)).toEqual(['illegal-gains']);

    const early = await call(t.app, 'POST', `/api/penalty-cases/${id}/decision`, { token: tokens.officer1, body: { fine: 1_500_000 } });
    expect(early.status).toBe(422);
    expect(early.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['statement-period']);
    await statementBy(id);
    const decided = await call(t.app, 'POST', `/api/penalty-cases/${id}/decision`, { token: tokens.officer1, body: { fine: 1_500_000 } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ stage: 'decided', fine: 1_500_000, major: false, actions: ['close'] });
    const [row] = await t.dataSource.query('SELECT status, fine, discretion_level, decided_at FROM cases WHERE id = ?', [id]);
    expect(row).toMatchObject({ status: 'decided', discretion_level: 'general' });
    expect(Number(row.fine)).toBe(1_500_000);

    expect((await call(t.app, 'POST', `/api/penalty-cases/${id}/revoke`, { token: tokens.officer1, body: { reason: '撤销' } })).status).toBe(409);
    const closed = await call(t.app, 'POST', `/api/penalty-cases/${id}/close`, { token: tokens.officer1, body: { reason: '罚款已缴纳' } });
    expect(closed.body.stage).toBe('closed');

    const trail = await call(t.app, 'GET', `/api/penalty-cases/${id}/trail`, { token: tokens.supervisor });
    // The SMS with the code goes out from the queue: its entry lands whenever it is sent.
    expect(trail.body.entries.map((e: { kind: string }) => e.kind).filter((k: string) => k !== 'code-sent')).toEqual(['case-filed', 'case-noticed', 'case-decided', 'case-closed']);
    const token = noticed.body.codeUrl.split('/p/')[1];
    const deadline = Date.now() + 20_000;
    let sms: { text: string }[] = [];
    while (Date.now() < deadline && !sms.some((m) => m.text.includes(token))) {
      sms = (await call(t.app, 'GET', '/api/sms/outbox', { token: tokens.supervisor })).body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(sms.filter((m) => m.text.includes(token))).toHaveLength(1);
    const onInspection = await t.dataSource.query("SELECT kind FROM inspection_trail WHERE inspection_id = 'INS-CASE'");
    expect(onInspection.map((e: { kind: string }) => e.kind)).toEqual(['case-filed']);
  });

  it('sends a major decision to legal review: returned, decided again, approved, then issued', async () => {
    const id: string = (await file(tokens.officer1, valid)).body.id;
    await call(t.app, 'POST', `/api/penalty-cases/${id}/notice`, { token: tokens.officer1, body: { factorIds: ['illegal-gains', 'harm'], proposedFine: 6_000_000 } });
    const view = (await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.officer1 })).body;
    expect(view).toMatchObject({ level: 'severe', points: 7 });
    expect(view.hearingUntil).not.toBeNull();
    await t.dataSource.query('UPDATE case_procedures SET hearing_requested_at = NOW(3) WHERE case_id = ?', [id]);
    await statementBy(id);
    const noHearing = await call(t.app, 'POST', `/api/penalty-cases/${id}/decision`, { token: tokens.officer1, body: { fine: 6_000_000 } });
    expect(noHearing.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['hearing-pending']);

    const toReview = await call(t.app, 'POST', `/api/penalty-cases/${id}/decision`, { token: tokens.officer1, body: { fine: 6_000_000, hearingHeldOn: shanghaiDate(new Date()) } });
    expect(toReview.body.stage).toBe('review');
    expect(toReview.body.reviews[0].reasons).toEqual(['fine', 'hearing']);
    const [exchange] = await t.dataSource.query('SELECT status FROM cases WHERE id = ?', [id]);
    expect(exchange.status).toBe('filed');

    const queue = await call(t.app, 'GET', '/api/penalty-cases/reviews', { token: tokens.supervisor });
    const review = queue.body.find((r: { caseId: string }) => r.caseId === id);
    expect(review).toMatchObject({ enterpriseName: '老王副食店', fine: 6_000_000 });
    expect((await call(t.app, 'GET', '/api/penalty-cases/reviews', { token: tokens.admin2 })).body).toEqual([]);
    expect((await call(t.app, 'GET', '/api/penalty-cases/reviews', { token: tokens.officer1 })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/penalty-cases/reviews/${review.id}`, { token: tokens.officer1, body: { verdict: 'approved', opinion: '同意' } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/penalty-cases/reviews/${review.id}`, { token: tokens.admin2, body: { verdict: 'approved', opinion: '同意' } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/penalty-cases/reviews/${review.id}`, { token: tokens.supervisor, body: { verdict: 'maybe', opinion: '同意' } })).status).toBe(400);

    const returned = await call(t.app, 'POST', `/api/penalty-cases/reviews/${review.id}`, { token: tokens.supervisor, body: { verdict: 'returned', opinion: '违法所得计算依据不足' } });
    expect(returned.body).toMatchObject({ verdict: 'returned', reviewer: 'supervisor' });
    expect((await call(t.app, 'POST', `/api/penalty-cases/reviews/${review.id}`, { token: tokens.supervisor, body: { verdict: 'approved', opinion: '同意' } })).status).toBe(409);
    expect((await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.officer1 })).body.stage).toBe('notified');

    const again = await call(t.app, 'POST', `/api/penalty-cases/${id}/decision`, { token: tokens.officer1, body: { fine: 5_000_000 } });
    expect(again.body.stage).toBe('review');
    const second = again.body.reviews[1];
    const approved = await call(t.app, 'POST', `/api/penalty-cases/reviews/${second.id}`, { token: tokens.admin1, body: { verdict: 'approved', opinion: '事实清楚，证据确凿' } });
    expect(approved.body.verdict).toBe('approved');
    const issued = (await call(t.app, 'GET', `/api/penalty-cases/${id}`, { token: tokens.officer1 })).body;
    expect(issued).toMatchObject({ stage: 'decided', fine: 5_000_000, major: true });
    const kinds = (await call(t.app, 'GET', `/api/penalty-cases/${id}/trail`, { token: tokens.officer1 })).body.entries.map((e: { kind: string }) => e.kind).filter((k: string) => k !== 'code-sent');
    expect(kinds).toEqual(['case-filed', 'case-noticed', 'review-requested', 'review-decided', 'review-requested', 'review-decided', 'case-decided']);
  });

  it('raises a flagged case when the fine leaves the range with a reason', async () => {
    const id: string = (await file(tokens.officer1, valid)).body.id;
    const noticed = await call(t.app, 'POST', `/api/penalty-cases/${id}/notice`, { token: tokens.officer1, body: { factorIds: ['first-offence'], proposedFine: 300_000, outsideRangeReason: '当事人主动消除危害后果' } });
    expect(noticed.body).toMatchObject({ level: 'light', outsideRangeReason: '当事人主动消除危害后果' });
    const [flag] = await t.dataSource.query("SELECT source, subject_id, agency_id, evidence FROM flagged_cases WHERE source = 'discretion'");
    expect(flag).toMatchObject({ source: 'discretion', subject_id: id, agency_id: 'A1' });
    expect(JSON.parse(flag.evidence)).toMatchObject({ caseId: id, fine: 300_000, minFine: 500_000, maxFine: 1_000_000, reason: '当事人主动消除危害后果' });
  });

  it('changes the cause and revokes with reasons; coercive measures last their term and extend once', async () => {
    const id: string = (await file(tokens.officer1, valid)).body.id;
    expect((await call(t.app, 'POST', `/api/penalty-cases/${id}/cause`, { token: tokens.officer1, body: { to: 'FSL-126', reason: '同' } })).status).toBe(400);
    const changed = await call(t.app, 'POST', `/api/penalty-cases/${id}/cause`, { token: tokens.officer1, body: { to: 'FSL-124', reason: '经检验属不符合食品安全标准' } });
    expect(changed.body).toMatchObject({ cause: 'FSL-124', legalBasis: OTHER.legalBasis });
    expect(changed.body.causeChanges).toEqual([expect.objectContaining({ from: 'FSL-126', to: 'FSL-124' })]);

    const started = await call(t.app, 'POST', `/api/penalty-cases/${id}/coercive-measures`, { token: tokens.officer1, body: { kind: 'seize', items: '过期食品12箱', documentNo: '市监扣〔2026〕1号' } });
    expect(started.status).toBe(201);
    const measure = started.body.coerciveMeasures[0];
    expect(new Date(measure.dueAt).getTime() - new Date(measure.startedAt).getTime()).toBe(30 * 86_400_000);
    const [c] = await t.dataSource.query('SELECT coercive FROM cases WHERE id = ?', [id]);
    expect(Number(c.coercive)).toBe(1);
    const extended = await call(t.app, 'POST', `/api/penalty-cases/coercive-measures/${measure.id}/extend`, { token: tokens.officer1, body: { reason: '案情复杂，需检验鉴定' } });
    expect(new Date(extended.body.coerciveMeasures[0].dueAt).getTime() - new Date(measure.dueAt).getTime()).toBe(30 * 86_400_000);
    const twice = await call(t.app, 'POST', `/api/penalty-cases/coercive-measures/${measure.id}/extend`, { token: tokens.officer1, body: { reason: '再延长' } });
    expect(twice.body.error.refusals[0].rule).toBe('coercive-extended');
    expect((await call(t.app, 'POST', `/api/penalty-cases/coercive-measures/${measure.id}/release`, { token: tokens.officer2, body: { reason: '解除' } })).status).toBe(403);
    const released = await call(t.app, 'POST', `/api/penalty-cases/coercive-measures/${measure.id}/release`, { token: tokens.officer1, body: { reason: '检验合格，予以解除' } });
    expect(released.body.coerciveMeasures[0].releasedAt).not.toBeNull();

    const revoked = await call(t.app, 'POST', `/api/penalty-cases/${id}/revoke`, { token: tokens.officer1, body: { reason: '违法事实不能成立' } });
    expect(revoked.body.stage).toBe('revoked');
    const [row] = await t.dataSource.query('SELECT status, revoked_at, cause, cause_changes FROM cases WHERE id = ?', [id]);
    expect(row.status).toBe('revoked');
    expect(JSON.parse(row.cause_changes).at(-1).to).toBe(row.cause);

    const list = await call(t.app, 'GET', '/api/penalty-cases?stage=revoked', { token: tokens.admin1 });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call(t.app, 'GET', '/api/penalty-cases', { token: tokens.admin2 })).body.total).toBe(0);
    expect((await call(t.app, 'GET', '/api/penalty-cases?stage=nope', { token: tokens.admin1 })).status).toBe(400);
  });
  it('files from a complaint of its agency, naming the enterprise when the complaint does not', async () => {
    const raise = (source: 'complaint' | 'rating', agencyId: string, creditCode: string | null) => t.dataSource.transaction(async (m) => (await raiseFlag(m, {
      dedupeKey: `test:${source}:${agencyId}:${Math.random()}`, source, subjectType: 'enterprise', subjectId: creditCode ?? 'unknown', agencyId, creditCode,
      severity: 'medium', title: '群众投诉', evidence: {}, actor: 'enterprise',
    })).id as string);
    const body = { cause: 'FSL-126', facts: '投诉反映销售过期食品，经核查属实', officerIds: ['O1', 'O1b'] };
    const rating = await raise('rating', 'A1', SHOP);
    expect((await file(tokens.officer1, { ...body, flaggedCaseId: rating })).status).toBe(400);
    const elsewhere = await raise('complaint', 'A2', SHOP);
    expect((await file(tokens.officer1, { ...body, flaggedCaseId: elsewhere })).status).toBe(403);
    const anonymous = await raise('complaint', 'A1', null);
    expect((await file(tokens.officer1, { ...body, flaggedCaseId: anonymous })).status).toBe(400);
    const filed = await file(tokens.officer1, { ...body, flaggedCaseId: anonymous, creditCode: SHOP });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ origin: 'complaint', flaggedCaseId: anonymous, creditCode: SHOP, inspectionId: null });
  });
});
