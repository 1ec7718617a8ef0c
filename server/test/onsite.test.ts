import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import { addDays, buildCreditCode, shanghaiDate, type PublicTrailView } from '@mashang/shared';
import type { Queue } from 'bull';
import { QueueName } from '../src/infra/queues/queues.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { TrailReader, TrailRepository } from '../src/modules/trail/index.js';
import { eventually } from './evaluation-fakes.js';
import { PASSWORD, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000401');
const FACTORY = buildCreditCode('91410202', 'MA000402');
const UNPLANNED = buildCreditCode('91410202', 'MA000403');
const today = () => shanghaiDate(new Date());
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const MAX_BYTES = 64 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

/** A multipart body with one file, as a phone's upload sends it. */
function multipart(file: Buffer, fileName: string, contentType = 'application/pdf') {
  const boundary = `----mashang${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('on site: scan in, findings, documents, finish, trail', () => {
  let t: TestApp;
  let documentDir: string;
  const tokens: Record<string, string> = {};
  let a1Plan = '';
  let a2Plan = '';

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const upload = (planId: string, query: string, file: Buffer, name = 'record.pdf', token = tokens.officer1) => {
    const { body, headers } = multipart(file, name);
    return t.app.inject({ method: 'POST', url: `/api/onsite/inspections/${planId}/documents?${query}`, headers: { ...headers, authorization: `Bearer ${token}` }, payload: body });
  };

  beforeAll(async () => {
    documentDir = await mkdtemp(join(tmpdir(), 'mashang-docs-'));
    t = await startTestApp('onsite', { env: { DOCUMENT_DIR: documentDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('O1B', 'A1', '王芳', '豫C0000011'), ('O3', 'A1', '刘洋', '豫C0000012')");
    const hash = await hashPassword(PASSWORD);
    for (const [username, officerId] of [['officer1b', 'O1B'], ['officer3', 'O3']]) {
      await t.dataSource.query("INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, 'officer', ?, 'A1', ?)", [username, hash, username, officerId]);
    }
    await t.dataSource.query(
      "INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I2', 'A1', '从业人员健康证明检查', '《食品安全法》第四十五条'), ('I9', 'A2', '消防设施检查', '《消防法》第十六条')",
    );
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', 'C'), (?, '宏达机械厂', 'manufacturing', '410204', 'B'), (?, '未报备企业', 'retail', '410204', 'B')",
      [SHOP, FACTORY, UNPLANNED],
    );
    for (const user of ['officer1', 'officer1b', 'officer2', 'officer3', 'admin1', 'supervisor']) tokens[user] = await login(t.app, user);
    // A complaint (green channel) lets both agencies inspect today; the two plans merge into one joint inspection.
    const first = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '群众投诉后厨卫生', officerIds: ['O1', 'O1B'], itemIds: ['I1', 'I2'] } });
    expect(first.status).toBe(201);
    a1Plan = first.body.id;
    const second = await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: { creditCode: SHOP, date: today(), trigger: 'complaint', reason: '消防通道堵塞举报', officerIds: ['O2'], itemIds: ['I9'] } });
    a2Plan = second.body.id;
    // officer1b is on the shop's plan; officer3 of the same agency is not.
  });
  afterAll(() => t?.close());

  it('refuses a check-in without an inspection code, and records nothing', async () => {
    const refused = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body: { creditCode: SHOP, clientKey: key('ci') } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.refusals[0].rule).toBe('no-code');
    expect(await count('checkins')).toBe(0);
    const issued = await call(t.app, 'POST', `/api/plans/${a1Plan}/code`, { token: tokens.officer1 });
    expect(issued.status).toBe(200);
  });

  it('names why a scan does not match: another enterprise, no plan, not on the plan', async () => {
    const other = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body: { creditCode: UNPLANNED, clientKey: key('ci') } });
    expect(other.status).toBe(422);
    expect(other.body.error.refusals[0].rule).toBe('enterprise-differs');
    expect(other.body.error.message).toContain('老王烩面馆');
    const none = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer2, body: { creditCode: FACTORY, clientKey: key('ci') } });
    expect(none.body.error.refusals[0].rule).toBe('enterprise-differs');
    const notOnPlan = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer3, body: { creditCode: SHOP, clientKey: key('ci') } });
    expect(notOnPlan.status).toBe(422);
    expect(notOnPlan.body.error.refusals[0].rule).toBe('not-on-plan');
    const malformed = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body: { creditCode: SHOP.slice(0, 17) + (SHOP[17] === '0' ? '1' : '0'), clientKey: key('ci') } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].field).toBe('creditCode');
    const admin = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.admin1, body: { creditCode: SHOP, clientKey: key('ci') } });
    expect(admin.status).toBe(403);
    expect(await count('checkins')).toBe(0);
  });

  it('refuses an officer whose certificate has expired, with the rule and the remedy, until the agency records the renewal', async () => {
    const yesterday = addDays(shanghaiDate(new Date()), -1);
    const expire = await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.admin1, body: { certExpires: yesterday } });
    expect(expire.body).toMatchObject({ id: 'O1', certExpires: yesterday });
    const refused = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body: { creditCode: SHOP, clientKey: key('ci') } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.refusals).toEqual([{ rule: 'certificate-expired', message: expect.stringContaining(`有效期至${yesterday}`), remedy: expect.stringContaining('更新有效期') }]);
    expect(await count('checkins')).toBe(0);
    const renewed = await call(t.app, 'PATCH', '/api/registry/officers/O1', { token: tokens.admin1, body: { certExpires: addDays(yesterday, 365 * 5) } });
    expect(renewed.status).toBe(200);
    const history = await call(t.app, 'GET', '/api/registry/officers/O1/history', { token: tokens.admin1 });
    expect(history.body.at(-1).changes).toEqual({ certExpires: { from: yesterday, to: addDays(yesterday, 365 * 5) } });
  });

  it('checks the officer in once per idempotency key, with location, into the trail', async () => {
    const clientKey = key('ci');
    const body = { creditCode: SHOP, clientKey, latitude: 34.797, longitude: 114.307 };
    const done = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: a1Plan, enterpriseName: '老王烩面馆', creditCode: SHOP, coded: true, codeDueAt: null });
    const view = await call(t.app, 'GET', `/api/onsite/inspections/${a1Plan}`, { token: tokens.officer1 });
    expect(view.body).toMatchObject({ id: a1Plan, status: 'on-site', jointAgencies: ['市消防救援支队'], checkedInAt: done.body.checkedInAt });
    expect(view.body.items.map((i: { id: string }) => i.id)).toEqual(['I1', 'I2']);
    const replay = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('ALREADY_RECORDED');
    expect(await count('checkins')).toBe(1);
    const trail = await call(t.app, 'GET', `/api/inspections/${a1Plan}/trail`, { token: tokens.officer1 });
    expect(trail.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'merged', 'coded', 'checked-in']);
    expect(trail.body.entries[3].detail.location).toEqual({ latitude: 34.797, longitude: 114.307 });
    const today = await call(t.app, 'GET', '/api/onsite/today', { token: tokens.officer1b });
    expect(today.body.map((i: { id: string }) => i.id)).toEqual([a1Plan]);
  });

  it('refuses findings that do not belong to the inspection, and keeps the latest per item', async () => {
    const notItem = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1, body: { itemId: 'I9', outcome: 'pass', clientKey: key('f') } });
    expect(notItem.status).toBe(400);
    const noDeadline = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1, body: { itemId: 'I1', outcome: 'rectify', clientKey: key('f') } });
    expect(noDeadline.status).toBe(400);
    expect(noDeadline.body.error.fields[0].field).toBe('rectifyBy');
    const otherAgency = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer2, body: { itemId: 'I1', outcome: 'pass', clientKey: key('f') } });
    expect(otherAgency.status).toBe(404);
    const notChecked = await call(t.app, 'POST', `/api/onsite/inspections/${a2Plan}/findings`, { token: tokens.officer2, body: { itemId: 'I9', outcome: 'pass', clientKey: key('f') } });
    expect(notChecked.status).toBe(409);
    expect(await count('findings')).toBe(0);

    await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1, body: { itemId: 'I1', outcome: 'pass', clientKey: key('f') } });
    const rectify = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1b, body: { itemId: 'I1', outcome: 'rectify', rectifyBy: shanghaiDate(Date.now() + 7 * 86_400_000), note: '后厨地面油污', clientKey: key('f') } });
    expect(rectify.status).toBe(200);
    expect(rectify.body.items[0].finding).toMatchObject({ outcome: 'rectify', note: '后厨地面油污' });
    expect(rectify.body.items[1].finding).toBeNull();
    const early = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/finish`, { token: tokens.officer1, body: { clientKey: key('fin') } });
    expect(early.status).toBe(422);
    expect(early.body.error.refusals[0]).toMatchObject({ rule: 'items-unrecorded' });
    expect(early.body.error.message).toContain('从业人员健康证明检查');
  });

  it('keeps documents with checksums and refuses oversized, unknown or damaged files without a trace', async () => {
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const ok = await upload(a1Plan, `kind=record&title=${encodeURIComponent('现场检查笔录')}&docNo=${encodeURIComponent('汴市监检〔2026〕12号')}&clientKey=${key('d')}&sha256=${sha256}`, PDF, '检查记录.pdf');
    expect(ok.statusCode).toBe(200);
    const document = ok.json();
    expect(document).toMatchObject({ kind: 'record', contentType: 'application/pdf', sizeBytes: PDF.length, sha256, fileName: '检查记录.pdf' });
    const download = await t.app.inject({ method: 'GET', url: `/api/onsite/documents/${document.id}`, headers: { authorization: `Bearer ${tokens.admin1}` } });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    expect((await t.app.inject({ method: 'GET', url: `/api/onsite/documents/${document.id}`, headers: { authorization: `Bearer ${tokens.officer2}` } })).statusCode).toBe(404);

    const filesBefore = readdirSync(join(documentDir, 'documents', a1Plan)).length;
    const big = await upload(a1Plan, `kind=record&title=big&clientKey=${key('d')}`, Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await upload(a1Plan, `kind=record&title=txt&clientKey=${key('d')}`, Buffer.from('just some text, not a document'), 'notes.txt');
    expect(text.statusCode).toBe(415);
    const damaged = await upload(a1Plan, `kind=record&title=bad&clientKey=${key('d')}&sha256=${'0'.repeat(64)}`, PDF);
    expect(damaged.statusCode).toBe(400);
    const photoAsPdf = await upload(a1Plan, `kind=photo&title=photo&clientKey=${key('d')}`, PDF);
    expect(photoAsPdf.statusCode).toBe(400);
    const badKind = await upload(a1Plan, `kind=selfie&title=x&clientKey=${key('d')}`, PDF);
    expect(badKind.statusCode).toBe(400);
    expect(await count('inspection_documents')).toBe(1);
    expect(readdirSync(join(documentDir, 'documents', a1Plan)).length).toBe(filesBefore);
  });

  it('finishes each agency; the last one writes the joint inspection records and records inspection-finished once, relayed to Bull', async () => {
    await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1, body: { itemId: 'I2', outcome: 'pass', clientKey: key('f') } });
    const finished = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/finish`, { token: tokens.officer1, body: { clientKey: key('fin') } });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'finished', result: 'rectify' });
    expect(await count('inspections')).toBe(0);
    const again = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/finish`, { token: tokens.officer1, body: { clientKey: key('fin') } });
    expect(again.status).toBe(409);
    const late = await call(t.app, 'POST', `/api/onsite/inspections/${a1Plan}/findings`, { token: tokens.officer1, body: { itemId: 'I2', outcome: 'violation', clientKey: key('f') } });
    expect(late.status).toBe(409);

    await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer2, body: { creditCode: SHOP, clientKey: key('ci') } });
    await call(t.app, 'POST', `/api/onsite/inspections/${a2Plan}/findings`, { token: tokens.officer2, body: { itemId: 'I9', outcome: 'violation', note: '消防通道堆放杂物', clientKey: key('f') } });
    const last = await call(t.app, 'POST', `/api/onsite/inspections/${a2Plan}/finish`, { token: tokens.officer2, body: { clientKey: key('fin') } });
    expect(last.body.result).toBe('case');

    const rows = await t.dataSource.query('SELECT id, agency_id, joint_id, trigger_type, coded, result FROM inspections ORDER BY agency_id');
    expect(rows).toEqual([
      { id: a1Plan, agency_id: 'A1', joint_id: a1Plan, trigger_type: 'complaint', coded: 1, result: 'rectify' },
      { id: a2Plan, agency_id: 'A2', joint_id: a1Plan, trigger_type: 'complaint', coded: 1, result: 'case' },
    ]);
    expect(await t.dataSource.query('SELECT inspection_id, officer_id FROM inspection_officers ORDER BY inspection_id = ? DESC, position', [a1Plan])).toEqual([
      { inspection_id: a1Plan, officer_id: 'O1' }, { inspection_id: a1Plan, officer_id: 'O1B' }, { inspection_id: a2Plan, officer_id: 'O2' },
    ]);
    // Each officer row carries its own agency's record: agency, enterprise, and that record's start and finish.
    const [{ mismatched }] = await t.dataSource.query(
      `SELECT COUNT(*) AS mismatched FROM inspection_officers io JOIN inspections i ON i.id = io.inspection_id
       WHERE io.agency_id <> i.agency_id OR io.credit_code <> i.credit_code OR io.started_at <> i.started_at OR io.finished_at <> i.finished_at`,
    );
    expect(Number(mismatched)).toBe(0);
    // And each item row its record's trigger and start.
    const itemRows = await t.dataSource.query(
      `SELECT COUNT(*) AS n, SUM(ii.trigger_type <> i.trigger_type OR ii.started_at <> i.started_at) AS mismatched FROM inspection_items ii JOIN inspections i ON i.id = ii.inspection_id`,
    );
    expect(Number(itemRows[0].n)).toBeGreaterThan(0);
    expect(Number(itemRows[0].mismatched)).toBe(0);
    // Recorded with the finish, in its transaction: one row, relayed to Bull under the same id.
    const outbox = () => t.dataSource.query("SELECT job_name, job_id, relayed_at FROM job_outbox WHERE job_name = 'inspection-finished'");
    expect((await outbox()).map((r: { job_id: string }) => r.job_id)).toEqual([`finished:${a1Plan}`]);
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    const job = await eventually(() => queue.getJob(`finished:${a1Plan}`), 10_000, 'the relayed job');
    expect(job.data).toMatchObject({ groupId: a1Plan, creditCode: SHOP, inspectionIds: expect.arrayContaining([a1Plan, a2Plan]) });
    await eventually(async () => (await outbox())[0].relayed_at !== null, 10_000, 'the row marked relayed');
  });

  it('plans already inspected can be neither moved nor cancelled', async () => {
    const cancel = await call(t.app, 'POST', `/api/plans/${a1Plan}/cancel`, { token: tokens.officer1, body: { reason: '误报' } });
    expect(cancel.status).toBe(409);
  });

  it('verifies the trail and names the first link broken by an edit or a deletion', async () => {
    const intact = await call(t.app, 'GET', `/api/inspections/${a1Plan}/trail/verify`, { token: tokens.supervisor });
    expect(intact.body).toMatchObject({ intact: true, firstBreak: null });
    expect(intact.body.entries).toBeGreaterThanOrEqual(8);
    expect((await call(t.app, 'GET', `/api/inspections/${a1Plan}/trail/verify`, { token: tokens.officer2 })).status).toBe(404);

    await t.dataSource.query(`UPDATE inspection_trail SET detail = REPLACE(detail, '"rectify"', '"pass"') WHERE inspection_id = ? AND kind = 'finding' AND detail LIKE '%rectify%'`, [a1Plan]);
    const [edited] = await t.dataSource.query("SELECT seq FROM inspection_trail WHERE inspection_id = ? AND kind = 'finding' ORDER BY seq LIMIT 1 OFFSET 1", [a1Plan]);
    const tampered = await call(t.app, 'GET', `/api/inspections/${a1Plan}/trail/verify`, { token: tokens.supervisor });
    expect(tampered.body).toMatchObject({ intact: false, firstBreak: { seq: Number(edited.seq), reason: 'hash-mismatch' } });

    await t.dataSource.query("DELETE FROM inspection_trail WHERE inspection_id = ? AND seq = 2", [a2Plan]);
    const gap = await call(t.app, 'GET', `/api/inspections/${a2Plan}/trail/verify`, { token: tokens.supervisor });
    expect(gap.body).toMatchObject({ intact: false, firstBreak: { seq: 2, reason: 'sequence-gap' } });

    // The CLI's sweep over every trail finds exactly these two.
    const broken: string[] = [];
    for await (const result of new TrailReader(new TrailRepository(t.dataSource)).broken()) broken.push(result.inspectionId);
    expect(broken.sort()).toEqual([a1Plan, a2Plan].sort());
  });

  it('lets the enterprise read the trails of its inspection with the code it was shown, while the code is in force', async () => {
    const [code] = await t.dataSource.query('SELECT token, expires_at FROM inspection_codes WHERE lead_plan_id = ?', [a1Plan]);
    const byCode = () => call<PublicTrailView>(t.app, 'GET', `/api/codes/${code.token}/trail`);
    const answer = await byCode();
    expect(answer.status).toBe(200);
    const view = answer.body;
    expect(Object.keys(view)).toEqual(['agencies', 'validUntil']);
    expect(view.validUntil).toBe(new Date(code.expires_at).toISOString());
    expect(view.agencies.map((a) => a.agencyName)).toEqual(['市市场监督管理局', '市消防救援支队']);
    const [a1, a2] = view.agencies.map((a) => a.steps);
    expect(a1.map((s) => s.step)).toEqual(expect.arrayContaining(['报备', '合并', '生成检查码', '入企', '检查结果', '上传文书', '结束检查']));
    for (const step of [...a1, ...a2]) expect(Object.keys(step).sort()).toEqual(['at', 'by', 'detail', 'step']);
    expect(a1.find((s) => s.step === '入企')!.by).toEqual({ name: '张伟', certNo: '豫C0000001' });
    expect(a2.find((s) => s.step === '报备')!.by).toEqual({ name: '李娜', certNo: '豫C0000002' });
    expect(a1.find((s) => s.step === '结束检查')!.detail).toMatch(/^检查结果：/);
    // No ids, accounts, typed reasons or notes: only what the enterprise may check against the officers at its door.
    const text = JSON.stringify(view);
    for (const internal of [a1Plan, a2Plan, 'user:', 'officer1', 'officer2', '"O1"', 'O1B', 'I1', 'caseId', 'hash', SHOP, '群众投诉后厨卫生', '消防通道堵塞举报']) {
      expect(text).not.toContain(internal);
    }

    // Expired, or revoked: refused like the code itself (410), in the one error shape.
    await t.dataSource.query('UPDATE inspection_codes SET expires_at = ? WHERE token = ?', [new Date(Date.now() - 1000), code.token]);
    expect(await byCode()).toMatchObject({ status: 410, body: { error: { code: 'CODE_EXPIRED', message: expect.stringContaining('检查码已过期') } } });
    await t.dataSource.query('UPDATE inspection_codes SET expires_at = ?, revoked_at = ? WHERE token = ?', [code.expires_at, new Date(), code.token]);
    expect(await byCode()).toMatchObject({ status: 410, body: { error: { code: 'CODE_CANCELLED' } } });
    await t.dataSource.query('UPDATE inspection_codes SET revoked_at = NULL WHERE token = ?', [code.token]);
    expect((await byCode()).status).toBe(200);
    expect((await call(t.app, 'GET', '/api/codes/AAAAAAAAAAAAAAAAAAAA/trail')).status).toBe(404);
  });

  it('emergency: inspects first, and a code not filed within 24 hours becomes a flagged case', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: FACTORY, date: today(), trigger: 'emergency', reason: '锅炉泄漏，危及公共安全', officerIds: ['O3'], itemIds: ['I1'] } });
    expect(filed.status).toBe(201);
    const checkIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer3, body: { creditCode: FACTORY, clientKey: key('ci') } });
    expect(checkIn.status).toBe(200);
    expect(checkIn.body.coded).toBe(false);
    const due = Date.parse(checkIn.body.codeDueAt) - Date.parse(checkIn.body.checkedInAt);
    expect(due).toBe(24 * 3_600_000);
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    const job = await eventually(() => queue.getJob(`emergency-code:${filed.body.id}`), 10_000, 'the deadline job');
    expect(await job.getState()).toBe('delayed');
    expect(job.opts.delay).toBeGreaterThan(23 * 3_600_000);
    await job!.promote();
    await job!.finished();
    const [flag] = await t.dataSource.query("SELECT source, agency_id, inspection_id, severity FROM flagged_cases WHERE dedupe_key = ?", [`emergency-code:${filed.body.id}`]);
    expect(flag).toEqual({ source: 'emergency-code', agency_id: 'A1', inspection_id: filed.body.id, severity: 'high' });
    const trail = await call(t.app, 'GET', `/api/inspections/${filed.body.id}/trail`, { token: tokens.supervisor });
    expect(trail.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'checked-in', 'flagged', 'code-overdue']);
  });

  it('emergency: a code filed within the deadline links to the check-in, and the deadline passes without a case', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1b, body: { creditCode: UNPLANNED, date: today(), trigger: 'emergency', reason: '燃气泄漏', officerIds: ['O1B'], itemIds: ['I2'] } });
    const checkIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1b, body: { creditCode: UNPLANNED, clientKey: key('ci') } });
    expect(checkIn.status).toBe(200);
    expect((await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer1b })).status).toBe(200);
    const trail = await call(t.app, 'GET', `/api/inspections/${filed.body.id}/trail`, { token: tokens.officer1b });
    const coded = trail.body.entries.find((e: { kind: string }) => e.kind === 'coded');
    expect(coded.detail).toMatchObject({ checkedInAt: checkIn.body.checkedInAt, codeDueAt: checkIn.body.codeDueAt, onTime: true });
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    const job = await eventually(() => queue.getJob(`emergency-code:${filed.body.id}`), 10_000, 'the deadline job');
    await job.promote();
    expect(await job.finished()).toEqual({ overdue: false });
    expect(await t.dataSource.query('SELECT id FROM flagged_cases WHERE inspection_id = ?', [filed.body.id])).toEqual([]);
  });

  it('emergency: a code filed after the deadline raises the case at once, even if the deadline job never ran', async () => {
    const site = buildCreditCode('91410202', 'MA000405');
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '化工仓库', 'chemical', '410204', 'C')", [site]);
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer3, body: { creditCode: site, date: today(), trigger: 'emergency', reason: '危化品泄漏', officerIds: ['O3'], itemIds: ['I1'] } });
    await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer3, body: { creditCode: site, clientKey: key('ci') } });
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    await (await eventually(() => queue.getJob(`emergency-code:${filed.body.id}`), 10_000, 'the deadline job')).remove();
    await t.dataSource.query('UPDATE plans SET code_due_at = ? WHERE id = ?', [new Date(Date.now() - 60_000), filed.body.id]);
    expect((await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer3 })).status).toBe(200);
    const [flag] = await t.dataSource.query('SELECT source, severity FROM flagged_cases WHERE dedupe_key = ?', [`emergency-code:${filed.body.id}`]);
    expect(flag).toEqual({ source: 'emergency-code', severity: 'high' });
  });

  it('check-ins arriving together are written together, each exactly once, with every chain intact; a refused one fails alone', async () => {
    const plans: { id: string; code: string; token: string }[] = [];
    const hash = await hashPassword(PASSWORD);
    for (let i = 0; i < 6; i += 1) {
      const creditCode = buildCreditCode('91410202', `MB${String(i).padStart(6, '0')}`);
      await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, ?, 'retail', '410204', 'C')", [creditCode, `并发企业${i}`]);
      await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES (?, 'A1', ?, ?)", [`OC${i}`, `并发${i}`, `豫C99${i}`]);
      await t.dataSource.query("INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, 'officer', ?, 'A1', ?)", [`oc${i}`, hash, `oc${i}`, `OC${i}`]);
      const token = await login(t.app, `oc${i}`);
      const filed = await call(t.app, 'POST', '/api/plans', { token, body: { creditCode, date: today(), trigger: 'complaint', reason: '并发测试', officerIds: [`OC${i}`], itemIds: ['I1'] } });
      await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token });
      plans.push({ id: filed.body.id, code: creditCode, token });
    }
    // Replays of six keys ride in the same batches as the first sends: each must fail alone, as a duplicate.
    const keys = Array.from({ length: 48 }, (_, i) => key(`cc${i}`));
    const requests = keys.map((clientKey, i) => {
      const plan = plans[i % plans.length];
      return call(t.app, 'POST', '/api/onsite/check-in', { token: plan.token, body: { creditCode: plan.code, clientKey } });
    });
    const replays = keys.slice(0, 6).map((clientKey, i) => call(t.app, 'POST', '/api/onsite/check-in', { token: plans[i].token, body: { creditCode: plans[i].code, clientKey } }));
    const answers = await Promise.all([...requests, ...replays]);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBe(48);
    expect(statuses.filter((s) => s === 409).length).toBe(6);
    for (const plan of plans) {
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM checkins WHERE plan_id = ?', [plan.id]);
      expect(Number(n)).toBe(8);
      const verified = await call(t.app, 'GET', `/api/inspections/${plan.id}/trail/verify`, { token: tokens.supervisor });
      expect(verified.body).toMatchObject({ intact: true, entries: 2 + 8 });
    }
  });

  it('replays an offline queue once: a second upload of the same batch is reported duplicate and changes nothing', async () => {
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '信号差的小超市', 'retail', '410204', 'B')", [buildCreditCode('92410202', 'MA000404')]);
    const store = buildCreditCode('92410202', 'MA000404');
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: store, date: today(), trigger: 'superior', reason: '上级交办', officerIds: ['O1'], itemIds: ['I1'] } });
    await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer1 });
    // Scanned 20 minutes ago, but on today's plan (just after midnight in Shanghai, a moment after midnight).
    const midnight = new Date(`${today()}T00:00:01+08:00`).getTime();
    const scannedAt = new Date(Math.max(Date.now() - 20 * 60_000, midnight)).toISOString();
    const finishedAt = new Date(Math.max(Date.now() - 5 * 60_000, Date.parse(scannedAt) + 1000)).toISOString();
    const actions = [
      { type: 'check-in', clientKey: key('ci'), body: { creditCode: store, at: scannedAt } },
      { type: 'finding', clientKey: key('f'), planId: filed.body.id, body: { itemId: 'I9', outcome: 'pass', at: scannedAt } },
      { type: 'finding', clientKey: key('f'), planId: filed.body.id, body: { itemId: 'I1', outcome: 'pass', at: scannedAt } },
      { type: 'finish', clientKey: key('fin'), planId: filed.body.id, body: { at: finishedAt } },
    ];
    const first = await call(t.app, 'POST', '/api/onsite/sync', { token: tokens.officer1, body: { actions } });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'refused', 'applied', 'applied']);
    const before = { checkins: await count('checkins'), findings: await count('findings'), trail: await count('inspection_trail') };
    const [plan] = await t.dataSource.query('SELECT checked_in_at FROM plans WHERE id = ?', [filed.body.id]);
    expect(new Date(plan.checked_in_at).toISOString()).toBe(scannedAt);

    const replay = await call(t.app, 'POST', '/api/onsite/sync', { token: tokens.officer1, body: { actions } });
    expect(replay.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'refused', 'duplicate', 'duplicate']);
    expect({ checkins: await count('checkins'), findings: await count('findings'), trail: await count('inspection_trail') }).toEqual(before);

    const stale = await call(t.app, 'POST', '/api/onsite/sync', { token: tokens.officer1, body: { actions: [{ type: 'check-in', clientKey: key('ci'), body: { creditCode: store, at: new Date(Date.now() + 3_600_000).toISOString() } }] } });
    expect(stale.body.results[0]).toMatchObject({ status: 'refused', error: { code: 'VALIDATION_FAILED' } });
  });
});
