import { mkdtemp } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, buildCreditCode, shanghaiDate } from '@mashang/shared';
import { eventually } from './evaluation-fakes.js';
import { signInFromOutbox } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const QUIET = buildCreditCode('91410202', 'MA000701'); // 无感监管
const OTHER = buildCreditCode('91410202', 'MA000702');
const THIRD = buildCreditCode('91410202', 'MA000703'); // 无感监管
const QUIET_PHONE = '13800007001';
const OTHER_PHONE = '13800007002';
const THIRD_PHONE = '13800007003';
const today = () => shanghaiDate(new Date());
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(800, 0x20), Buffer.from('\n%%EOF\n')]);

function multipart(file: Buffer, fileName: string) {
  const boundary = `----mashang${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('off-site checks (非现场监管): request, answer, decide, share', () => {
  let t: TestApp;
  let documentDir: string;
  let officer1: string;
  let officer2: string;
  let admin1: string;
  let supervisor: string;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  /** The off-site links the outbox holds for a phone, newest first. */
  const tokenOf = async (phone: string) => {
    const cipher = testPhoneCipher();
    const rows: { link: string; phone_cipher: string }[] = await t.dataSource.query("SELECT link, phone_cipher FROM sms_outbox WHERE link LIKE '%/o/%' ORDER BY id DESC");
    return rows.filter((r) => cipher.decrypt(r.phone_cipher) === phone).map((r) => /\/o\/([A-Za-z0-9_-]{22})$/.exec(r.link)?.[1] ?? '');
  };
  const uploadByLink = (token: string, position: number, file: Buffer, name: string) => {
    const { body, headers } = multipart(file, name);
    return t.app.inject({ method: 'POST', url: `/api/offsite-links/${token}/files?position=${position}`, headers, payload: body });
  };
  const uploadSignedIn = (session: string, requestId: string, position: number, file: Buffer, name: string) => {
    const { body, headers } = multipart(file, name);
    return t.app.inject({ method: 'POST', url: `/api/enterprise/offsite-requests/${requestId}/files?position=${position}`, headers: { ...headers, authorization: `Bearer ${session}` }, payload: body });
  };
  const fileOffsite = async (creditCode: string) => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode, date: addDays(today(), 7), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1', 'I2'], mode: 'offsite' } });
    expect([filed.status, filed.body.error?.refusals]).toEqual([201, undefined]);
    return filed.body.id as string;
  };
  const ask = (planId: string) => call(t.app, 'POST', '/api/offsite/requests', {
    token: officer1,
    body: { planId, asks: [{ itemId: 'I1', kind: 'photo', ask: '后厨操作间全景照片' }, { itemId: 'I2', kind: 'document', ask: '从业人员健康证明' }, { itemId: 'I2', kind: 'reading', ask: '冷藏柜当前温度' }] },
  });

  beforeAll(async () => {
    documentDir = await mkdtemp(join(tmpdir(), 'mashang-offsite-'));
    t = await startTestApp('offsite', { env: { SMS_PROVIDER: 'outbox', DOCUMENT_DIR: documentDir, DOCUMENT_MAX_BYTES: String(64 * 1024) } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I2', 'A1', '从业人员健康证明检查', '《食品安全法》第四十五条')");
    const cipher = testPhoneCipher();
    await ds.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch, phone_cipher) VALUES (?, '清风茶馆', 'catering', '410202', 'A', 1, ?), (?, '宏达机械', 'manufacturing', '410202', 'B', 0, ?), (?, '明月书店', 'retail', '410202', 'A', 1, ?)",
      [QUIET, cipher.encrypt(QUIET_PHONE), OTHER, cipher.encrypt(OTHER_PHONE), THIRD, cipher.encrypt(THIRD_PHONE)],
    );
    officer1 = await login(t.app, 'officer1');
    officer2 = await login(t.app, 'officer2');
    admin1 = await login(t.app, 'admin1');
    supervisor = await login(t.app, 'supervisor');
  });
  afterAll(() => t?.close());

  it('files a routine plan for a 无感监管 enterprise off-site, and on site only with a reason', async () => {
    const onsite = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: QUIET, date: addDays(today(), 8), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'], mode: 'onsite' } });
    expect(onsite.status).toBe(422);
    expect(onsite.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['low-touch']);
    expect(onsite.body.error.refusals[0].remedy).toContain('非现场检查');
    const reasoned = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: QUIET, date: addDays(today(), 30), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'], mode: 'onsite', modeReason: '上次检查发现冷链设备老化，需现场查看' } });
    expect(reasoned.status).toBe(201);
    expect(reasoned.body.mode).toBe('onsite');
    const offsite = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: QUIET, date: addDays(today(), 9), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'], mode: 'offsite' } });
    expect(offsite.status).toBe(201);
    expect(offsite.body).toMatchObject({ mode: 'offsite', inspection: { joint: false } });
    // An off-site check never joins a visit: another agency's plan on the same days stays apart from it.
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I9', 'A2', '消防设施检查', '《消防法》第十六条')");
    const fire = await call(t.app, 'POST', '/api/plans', { token: officer2, body: { creditCode: QUIET, date: addDays(today(), 10), trigger: 'complaint', reason: '消防通道堵塞投诉', officerIds: ['O2'], itemIds: ['I9'] } });
    expect(fire.status).toBe(201);
    expect(fire.body.inspection.members.map((m: { planId: string }) => m.planId)).not.toContain(offsite.body.id);
    // Nobody comes to the door: an off-site check is not announced to the enterprise (检查预告).
    const quiet = await signInFromOutbox(t.app, t.dataSource, QUIET, QUIET_PHONE);
    await t.dataSource.query('UPDATE plans SET planned_date = ?, inspection_date = ? WHERE id IN (?, ?)', [addDays(today(), 1), addDays(today(), 1), offsite.body.id, reasoned.body.id]);
    const notices = await call(t.app, 'GET', '/api/enterprise/notices', { token: quiet });
    expect(notices.status).toBe(200);
    expect(JSON.stringify(notices.body)).not.toContain(offsite.body.code);
    expect(JSON.stringify(notices.body)).toContain(reasoned.body.code);
    // Back to their dates, out of the way of the plans filed next (the credit cap counts them).
    await t.dataSource.query('UPDATE plans SET planned_date = ?, inspection_date = ? WHERE id = ?', [addDays(today(), 30), addDays(today(), 30), reasoned.body.id]);
    await t.dataSource.query('UPDATE plans SET planned_date = ?, inspection_date = ? WHERE id = ?', [addDays(today(), 9), addDays(today(), 9), offsite.body.id]);
  });

  it('asks a 无感监管 enterprise by SMS; it answers by the link with photos, documents and readings; the officer accepts: coded, traced, recorded, invited', async () => {
    const planId = await fileOffsite(QUIET);
    const sent = await ask(planId);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'asked', round: 1, enterpriseName: '清风茶馆', agencyName: '市市场监督管理局', actions: { accept: false, convert: true } });
    expect(sent.body.asks.map((a: { itemName: string }) => a.itemName)).toEqual(['食品经营许可检查', '从业人员健康证明检查', '从业人员健康证明检查']);
    // Coded: the plan's inspection code is issued with the request.
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [planId]))[0].n)).toBe(1);
    const [token] = await eventually(async () => { const tokens = await tokenOf(QUIET_PHONE); return tokens.length ? tokens : null; }, 20_000, 'the request SMS');
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE ? ORDER BY id DESC LIMIT 1", [`%${token}%`]);
    expect(sms.text).toContain('非现场检查');

    const page = await call(t.app, 'GET', `/api/offsite-links/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: sent.body.id, status: 'asked', enterpriseName: '清风茶馆' });
    expect(JSON.stringify(page.body)).not.toContain('actions');

    // Incomplete: refused with the rule.
    const early = await call(t.app, 'POST', `/api/offsite-links/${token}/submit`);
    expect(early).toMatchObject({ status: 422, body: { error: { refusals: [{ rule: 'offsite-evidence-missing' }] } } });
    // A PDF is not a photo; a photo ask takes no typed reading; nothing is kept of a refusal.
    const files = readdirSync(documentDir, { recursive: true }).length;
    expect((await uploadByLink(token, 0, PDF, 'kitchen.pdf')).statusCode).toBe(400);
    expect((await call(t.app, 'POST', `/api/offsite-links/${token}/readings`, { body: { position: 0, text: '4℃' } })).status).toBe(400);
    expect((await uploadByLink(token, 0, Buffer.from('plain text'), 'kitchen.txt')).statusCode).toBe(415);
    expect(readdirSync(documentDir, { recursive: true }).length).toBe(files);
    expect(await count('offsite_evidence')).toBe(0);

    expect((await uploadByLink(token, 0, PNG, '后厨.png')).statusCode).toBe(201);
    expect((await uploadByLink(token, 1, PDF, '健康证.pdf')).statusCode).toBe(201);
    expect((await call(t.app, 'POST', `/api/offsite-links/${token}/readings`, { body: { position: 2, text: '4℃' } })).status).toBe(201);
    const answered = await call(t.app, 'POST', `/api/offsite-links/${token}/submit`);
    expect(answered).toMatchObject({ status: 200, body: { status: 'answered' } });
    expect(answered.body.evidence.map((e: { kind: string; text: string | null }) => [e.kind, e.text])).toEqual([['photo', null], ['document', null], ['reading', '4℃']]);

    // The officer reads the answers and a file.
    const view = await call(t.app, 'GET', `/api/offsite/requests/${sent.body.id}`, { token: officer1 });
    expect(view.body.actions).toEqual({ accept: true, askAgain: true, convert: true });
    const photo = await t.app.inject({ method: 'GET', url: `/api/offsite/requests/${sent.body.id}/evidence/${view.body.evidence[0].id}`, headers: { authorization: `Bearer ${officer1}` } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    // Another agency neither reads nor decides it.
    expect((await call(t.app, 'GET', `/api/offsite/requests/${sent.body.id}`, { token: officer2 })).status).toBe(404);
    expect((await call(t.app, 'POST', `/api/offsite/requests/${sent.body.id}/accept`, { token: officer2 })).status).toBe(404);

    const accepted = await call(t.app, 'POST', `/api/offsite/requests/${sent.body.id}/accept`, { token: officer1 });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted', actions: { accept: false, askAgain: false, convert: false } } });
    const [record] = await t.dataSource.query('SELECT agency_id, credit_code, coded, result, joint_id FROM inspections WHERE id = ?', [planId]);
    expect(record).toMatchObject({ agency_id: 'A1', credit_code: QUIET, result: 'pass', joint_id: null });
    expect(Number(record.coded)).toBe(1);
    const trail = await call(t.app, 'GET', `/api/inspections/${planId}/trail`, { token: officer1 });
    const kinds = trail.body.entries.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['coded', 'offsite-requested', 'offsite-answered', 'offsite-accepted', 'finished']));
    expect((await call(t.app, 'GET', `/api/inspections/${planId}/trail/verify`, { token: officer1 })).body).toMatchObject({ intact: true });
    // Rated like a visit: the SMS rating invite follows the finish.
    await eventually(async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM rating_invite_agencies WHERE inspection_id = ?', [planId]))[0].n), 20_000, 'the rating invite');

    // Closed: the enterprise adds nothing more (409, the stable shape), nothing stored.
    const late = await uploadByLink(token, 0, PNG, 'again.png');
    expect(late.statusCode).toBe(409);
    expect(JSON.parse(late.body).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('审核通过') });
    expect(await count('offsite_evidence')).toBe(3);
  });

  it('refuses off-site evidence from the wrong enterprise, signed in or by a forged link, and keeps nothing', async () => {
    const planId = await fileOffsite(THIRD);
    const sent = await ask(planId);
    expect(sent.status).toBe(201);
    const mill = await signInFromOutbox(t.app, t.dataSource, OTHER, OTHER_PHONE);
    const before = await count('offsite_evidence');
    const files = readdirSync(documentDir, { recursive: true }).length;
    const wrong = await uploadSignedIn(mill, sent.body.id, 0, PNG, 'not-mine.png');
    expect(wrong.statusCode).toBe(404);
    expect(JSON.parse(wrong.body).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(t.app, 'POST', `/api/enterprise/offsite-requests/${sent.body.id}/readings`, { token: mill, body: { position: 2, text: '5℃' } })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/enterprise/offsite-requests/${sent.body.id}`, { token: mill })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/enterprise/offsite-requests', { token: mill })).body).toEqual([]);
    expect((await call(t.app, 'POST', '/api/offsite-links/AAAAAAAAAAAAAAAAAAAAAA/readings', { body: { position: 2, text: '5℃' } })).status).toBe(404);
    expect(await count('offsite_evidence')).toBe(before);
    expect(readdirSync(documentDir, { recursive: true }).length).toBe(files);

    // The right enterprise, signed in, finds it on its page and answers there.
    const shop = await signInFromOutbox(t.app, t.dataSource, THIRD, THIRD_PHONE);
    const mine = await call(t.app, 'GET', '/api/enterprise/offsite-requests', { token: shop });
    expect(mine.body.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    expect((await uploadSignedIn(shop, sent.body.id, 0, PNG, 'shop.png')).statusCode).toBe(201);
    expect(await count('offsite_evidence')).toBe(before + 1);
    // An officer's token is no enterprise session.
    expect((await call(t.app, 'GET', '/api/enterprise/offsite-requests', { token: officer1 })).status).toBe(403);
  });

  it('asks again with a note (a new round and SMS), then turns the check into an on-site plan with a reason', async () => {
    const planId = await fileOffsite(OTHER);
    const sent = await ask(planId);
    const id = sent.body.id as string;
    const mill = await signInFromOutbox(t.app, t.dataSource, OTHER, OTHER_PHONE);
    expect((await call(t.app, 'POST', `/api/offsite/requests/${id}/ask-again`, { token: officer1, body: { note: '照片不清楚' } })).status).toBe(409);
    expect((await uploadSignedIn(mill, id, 0, PNG, 'a.png')).statusCode).toBe(201);
    expect((await uploadSignedIn(mill, id, 1, PDF, 'b.pdf')).statusCode).toBe(201);
    expect((await call(t.app, 'POST', `/api/enterprise/offsite-requests/${id}/readings`, { token: mill, body: { position: 2, text: '6℃' } })).status).toBe(201);
    expect((await call(t.app, 'POST', `/api/enterprise/offsite-requests/${id}/submit`, { token: mill })).body.status).toBe('answered');

    const smsBefore = (await tokenOf(OTHER_PHONE)).length;
    const again = await call(t.app, 'POST', `/api/offsite/requests/${id}/ask-again`, { token: officer1, body: { note: '照片看不清灶台，请补拍' } });
    expect(again).toMatchObject({ status: 200, body: { status: 'asked', round: 2, note: '照片看不清灶台，请补拍' } });
    await eventually(async () => (await tokenOf(OTHER_PHONE)).length > smsBefore, 20_000, 'the second SMS');
    // The first round's evidence does not answer the second.
    expect((await call(t.app, 'POST', `/api/enterprise/offsite-requests/${id}/submit`, { token: mill })).status).toBe(422);

    const past = await call(t.app, 'POST', `/api/offsite/requests/${id}/convert`, { token: officer1, body: { reason: '需现场核实', date: addDays(today(), -1) } });
    expect(past.status).toBe(400);
    const noReason = await call(t.app, 'POST', `/api/offsite/requests/${id}/convert`, { token: officer1, body: { date: addDays(today(), 3) } });
    expect(noReason.status).toBe(400);
    const converted = await call(t.app, 'POST', `/api/offsite/requests/${id}/convert`, { token: officer1, body: { reason: '材料显示灶台油污严重，需现场核实', date: addDays(today(), 3) } });
    expect(converted).toMatchObject({ status: 200, body: { status: 'converted', convertReason: '材料显示灶台油污严重，需现场核实' } });
    const plan = await call(t.app, 'GET', `/api/plans/${planId}`, { token: officer1 });
    expect(plan.body).toMatchObject({ mode: 'onsite', plannedDate: addDays(today(), 3), status: 'active' });
    // The off-site code is revoked; the visit gets its own.
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [planId]))[0].n)).toBe(0);
    expect((await call(t.app, 'POST', `/api/plans/${planId}/code`, { token: officer1, body: {} })).status).toBe(200);
    expect((await uploadSignedIn(mill, id, 0, PNG, 'late.png')).statusCode).toBe(409);
    const trail = await call(t.app, 'GET', `/api/inspections/${planId}/trail`, { token: officer1 });
    expect(trail.body.entries.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['offsite-asked-again', 'offsite-converted']));
    // Only an off-site plan takes a request.
    expect((await ask(planId)).status).toBe(409);
  });

  it('never has an off-site check scanned into: not on the officer\'s day, refused at check-in', async () => {
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: OTHER, date: today(), trigger: 'complaint', reason: '投诉核实（非现场）', officerIds: ['O1'], itemIds: ['I1'], mode: 'offsite' } });
    expect(filed.status).toBe(201);
    const day = await call(t.app, 'GET', '/api/onsite/today', { token: officer1 });
    expect(day.status).toBe(200);
    expect(JSON.stringify(day.body)).not.toContain(filed.body.id);
    const checkIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: OTHER, clientKey: 'offsite-check-in-1' } });
    expect(checkIn.status).toBe(422);
    expect(checkIn.body.error.refusals.map((r: { rule: string }) => r.rule)).toEqual(['no-plan']);
  });

  it('counts off-site checks apart: the share per agency and month', async () => {
    // One visit of agency A1 finished this month next to the accepted off-site check.
    const month = today().slice(0, 7);
    await t.dataSource.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result, officer_count) VALUES ('V1', 'A1', ?, 'planned', NOW(3), NOW(3), 1, 'pass', 1)", [OTHER]);
    const share = await call(t.app, 'GET', '/api/offsite/share', { token: supervisor });
    expect(share.status).toBe(200);
    expect(share.body.find((r: { agencyId: string; month: string }) => r.agencyId === 'A1' && r.month === month)).toEqual({ agencyId: 'A1', agencyName: '市市场监督管理局', month, total: 2, offsite: 1, share: 0.5 });
    const own = await call(t.app, 'GET', `/api/offsite/share?from=${month}`, { token: admin1 });
    expect(own.body.every((r: { agencyId: string }) => r.agencyId === 'A1')).toBe(true);
    expect((await call(t.app, 'GET', '/api/offsite/share', { token: officer1 })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/offsite/share?from=2026-13', { token: supervisor })).status).toBe(400);
  });
});
