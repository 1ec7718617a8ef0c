/**
 * 码上响应: complaints from the enterprise's page and the public form (its contact phone verified by an
 * SMS code, throttled), 12345 hotline tickets imported in JSON Lines; each a flagged case of source
 * `complaint` with a deadline; concluding it sends the outcome back by SMS (the Aliyun SDK against a
 * loopback fake), once; a complaint found fabricated goes on the enterprise's credit record.
 */
import { addDays, buildCreditCode, shanghaiDate, unlabelledEvidenceKeys } from '@mashang/shared';
import ExcelJS from 'exceljs';
import { JobQueue } from '../src/infra/queues/job-queue.js';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { aliyunEnv, eventually, FakeSmsProvider } from './evaluation-fakes.js';
import { callFrom, forgetPortCodes, signInEnterprise } from './support/enterprise-port.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000831');
const MILL = buildCreditCode('91410200', 'MA000832');
const SHOP_PHONE = '13800000831';
const MILL_PHONE = '13900000832';

describe('complaints (码上响应)', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let shop: string;
  let supervisor: string;

  const outcomesTo = (phone: string) => fake.accepted.filter((a) => a.phone === phone && a.templateId === 'SMS_COMPLAINT_OUTCOME');
  const caseOf = async (complaintId: string) => (await t.dataSource.query("SELECT * FROM flagged_cases WHERE dedupe_key = ?", [`complaint:${complaintId}`]))[0];
  const conclude = async (caseId: string, action: string, note: string) => {
    expect((await call(t.app, 'POST', `/api/supervision/cases/${caseId}/actions`, { token: supervisor, body: { action: 'investigate' } })).status).toBe(200);
    const concluded = await call(t.app, 'POST', `/api/supervision/cases/${caseId}/actions`, { token: supervisor, body: { action, note } });
    expect([concluded.status, concluded.body.case?.status]).toEqual([200, 'closed']);
  };
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('complaints', { env: { ...aliyunEnv(fake.url), SMS_RETRY_DELAY: '100ms' } });
    await forgetPortCodes(t.app);
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    const cipher = testPhoneCipher();
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)]);
    for (const [id, agency, creditCode, officer] of [['X1', 'A1', SHOP, 'O1'], ['X2', 'A2', MILL, 'O2']]) {
      await ds.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, ?, ?, 'planned', NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 2 DAY, 1, 'pass')", [id, agency, creditCode]);
      await addInspectionOfficer(ds, id, officer);
    }
    shop = await signInEnterprise(t.app, fake, SHOP, SHOP_PHONE);
    supervisor = await login(t.app, 'supervisor');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('files a complaint from its page about one of its inspections: a flagged case with a deadline, on the inspection\'s trail', async () => {
    const filed = await call(t.app, 'POST', '/api/enterprise/complaints', { token: shop, body: { content: '检查人员态度粗暴，要求我们停业配合', inspectionId: 'X1' } });
    expect(filed).toMatchObject({ status: 201, body: { channelLabel: '企业端', content: '检查人员态度粗暴，要求我们停业配合', inspection: { agencyName: '市市场监督管理局' }, statusLabel: '待分派', outcomeSentAt: null } });
    const flagged = await caseOf(filed.body.id);
    expect(flagged).toMatchObject({ source: 'complaint', status: 'open', credit_code: SHOP, agency_id: 'A1', inspection_id: 'X1', subject_type: 'inspection', deadline: addDays(shanghaiDate(Date.now()), 7), title: '企业投诉（码上响应）：检查人员态度粗暴，要求我们停业配合' });
    const evidence = JSON.parse(flagged.evidence);
    expect(evidence).toMatchObject({ complaintId: filed.body.id, channel: 'portal', contactPhone: '138****0831', contactRegistered: true, inspectionId: 'X1' });
    expect(unlabelledEvidenceKeys(evidence)).toEqual([]);
    expect(JSON.stringify(flagged)).not.toContain(SHOP_PHONE);
    const trail = await t.dataSource.query("SELECT kind, detail FROM inspection_trail WHERE inspection_id = 'X1'");
    expect(trail.map((e: { kind: string; detail: string }) => [e.kind, JSON.parse(e.detail).source])).toEqual([['flagged', 'complaint']]);
    // The console's list filters on it.
    const listed = await call(t.app, 'GET', '/api/supervision/cases?source=complaint', { token: supervisor });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(flagged.id);
    expect((await call(t.app, 'GET', '/api/enterprise/complaints', { token: shop })).body.map((c: { id: string }) => c.id)).toEqual([filed.body.id]);
  });

  it('refuses a complaint about another enterprise\'s inspection, writing nothing', async () => {
    const before = [await count('complaints'), await count('flagged_cases')];
    const refused = await call(t.app, 'POST', '/api/enterprise/complaints', { token: shop, body: { content: '这次检查有问题', inspectionId: 'X2' } });
    expect([refused.status, refused.body.error.fields]).toEqual([400, [{ field: 'inspectionId', reason: '不是该企业的检查记录' }]]);
    expect([await count('complaints'), await count('flagged_cases')]).toEqual(before);
  });

  it('sends the outcome back by SMS once the supervisor concludes the case, and only once', async () => {
    const filed = await call(t.app, 'POST', '/api/enterprise/complaints', { token: shop, body: { content: '同一事项一个月内被检查三次' } });
    const flagged = await caseOf(filed.body.id);
    expect(flagged).toMatchObject({ subject_type: 'enterprise', subject_id: SHOP, agency_id: null });
    await conclude(flagged.id, 'conclude-unfounded', '经核查为不同事项');
    const [sms] = await eventually(() => outcomesTo(SHOP_PHONE).length > 0 && outcomesTo(SHOP_PHONE), 20_000, 'the outcome SMS');
    expect(sms.params).toEqual({ date: expect.stringMatching(/^\d{1,2}月\d{1,2}日$/), outcome: '经调查反映情况不属实' });
    const view = await eventually(async () => (await call(t.app, 'GET', '/api/enterprise/complaints', { token: shop })).body.find((c: { id: string; outcomeSentAt: string | null }) => c.id === filed.body.id && c.outcomeSentAt));
    expect(view).toMatchObject({ statusLabel: '已办结', conclusionLabel: '经查不属实' });
    const events = await t.dataSource.query('SELECT kind, actor, detail FROM flagged_case_events WHERE case_id = ? ORDER BY id', [flagged.id]);
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'investigating', 'concluded', 'outcome-sent']);
    expect(JSON.parse(events[3].detail)).toMatchObject({ phone: '138****0831', provider: 'aliyun' });

    // The job again (a retried request, a re-run): nothing more is sent.
    const jobs = t.app.get(JobQueue);
    await (await jobs.queue(QueueName.Sms).getJob(`complaint-outcome:${flagged.id}`))?.remove();
    const rerun = await jobs.add(JobName.ComplaintOutcomeSms, { caseId: flagged.id });
    expect(await rerun.finished()).toBe('already sent');
    expect(outcomesTo(SHOP_PHONE)).toHaveLength(1);
  });

  it('notes a complaint found fabricated in the enterprise\'s credit record, and tells the complainant', async () => {
    const filed = await call(t.app, 'POST', '/api/enterprise/complaints', { token: shop, body: { content: '执法人员收受财物（经查为虚构）' } });
    const flagged = await caseOf(filed.body.id);
    await conclude(flagged.id, 'conclude-fabricated', '企业承认虚构事实');
    expect(await t.dataSource.query('SELECT credit_code, kind, case_id, note FROM enterprise_credit_records')).toEqual([
      { credit_code: SHOP, kind: 'fabricated-complaint', case_id: flagged.id, note: '企业承认虚构事实' },
    ]);
    await eventually(() => outcomesTo(SHOP_PHONE).some((s) => (s.params as Record<string, string>).outcome === '经查反映内容与事实不符'), 20_000, 'the fabricated outcome SMS');
  });

  it('takes a complaint on the public form from a phone verified by its SMS code, throttled per address (tries with a wrong code count too)', async () => {
    await forgetPortCodes(t.app);
    const address = '198.51.100.31';
    const phones = ['13600000831', '13600000832', '13600000833', '13600000834'];
    const ask = (phone: string) => callFrom(t.app, address, 'POST', '/api/complaints/code', { body: { creditCode: SHOP, phone } });
    const complain = (phone: string, smsCode: string) => callFrom(t.app, address, 'POST', '/api/complaints', { body: { creditCode: SHOP, phone, smsCode, content: '检查时未出示执法证件', inspectionId: 'X1' } });
    const codeOf = (phone: string) => (fake.accepted.filter((a) => a.phone === phone && a.templateId === 'SMS_SIGN_IN').pop()!.params as Record<string, string>).code;

    expect((await callFrom(t.app, address, 'POST', '/api/complaints/code', { body: { creditCode: buildCreditCode('92410202', 'MA000839'), phone: phones[0] } })).status).toBe(400);
    expect((await ask(phones[0])).status).toBe(200);
    const before = await count('complaints');
    const code = codeOf(phones[0]);
    expect((await complain(phones[0], code === '000000' ? '000001' : '000000')).status).toBe(401);
    expect(await count('complaints')).toBe(before);
    const filed = await complain(phones[0], code);
    expect(filed).toMatchObject({ status: 201, body: { channelLabel: '码上响应（公开表单）', inspection: { agencyName: '市市场监督管理局' } } });
    expect(JSON.parse((await caseOf(filed.body.id)).evidence)).toMatchObject({ channel: 'public', contactPhone: '136****0831', contactRegistered: false });
    // Nobody signed in gets to read it back: the enterprise's list is behind its session.
    expect((await call(t.app, 'GET', '/api/enterprise/complaints')).status).toBe(401);

    for (const phone of phones.slice(1)) {
      expect((await ask(phone)).status).toBe(200);
      expect((await complain(phone, codeOf(phone))).status).toBe(201);
    }
    const sixth = await complain(phones[0], '123456');
    expect([sixth.status, sixth.body.error.message]).toEqual([429, expect.stringContaining('本网络提交投诉过于频繁')]);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    await forgetPortCodes(t.app);
  });

  it('imports 12345 tickets in JSON Lines, each a complaint with its case, once; a bad file imports nothing', async () => {
    const ndjson = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');
    const send = (token: string, body: string, contentType = 'application/x-ndjson') => t.app.inject({ method: 'POST', url: '/api/complaints/hotline', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: body });
    const tickets = [
      { ticketNo: 'GX20261205001', receivedAt: new Date(Date.now() - 3_600_000).toISOString(), creditCode: MILL, phone: MILL_PHONE, content: '执法人员未出示证件即进入车间检查', inspectionId: 'X2' },
      { ticketNo: 'GX20261205002', receivedAt: new Date(Date.now() - 1_800_000).toISOString(), creditCode: SHOP, phone: '0371-23456789', content: '同一部门本周两次检查消防' },
    ];
    const before = [await count('complaints'), await count('flagged_cases')];
    const bad = await send(supervisor, ndjson([tickets[0], { ...tickets[1], creditCode: buildCreditCode('92410202', 'MA000838') }, { ...tickets[1], ticketNo: 'GX20261205003', inspectionId: 'X2' }]));
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.fields.map((f: { field: string }) => f.field)).toEqual(['第2行：creditCode', '第3行：inspectionId']);
    expect([await count('complaints'), await count('flagged_cases')]).toEqual(before);
    expect((await send(supervisor, JSON.stringify(tickets[0]), 'application/json')).statusCode).toBe(415);
    expect((await send(await login(t.app, 'admin1'), ndjson(tickets))).statusCode).toBe(403);

    const first = await send(supervisor, ndjson(tickets));
    expect(first.statusCode).toBe(200);
    const result = JSON.parse(first.body);
    expect(result).toMatchObject({ imported: 2, alreadyImported: 0 });
    const again = JSON.parse((await send(supervisor, ndjson(tickets))).body);
    expect(again).toEqual({ imported: 0, alreadyImported: 2, cases: result.cases });
    const millCase = (await t.dataSource.query('SELECT * FROM flagged_cases WHERE id = ?', [result.cases[0].caseId]))[0];
    expect(millCase).toMatchObject({ source: 'complaint', agency_id: 'A2', credit_code: MILL, inspection_id: 'X2', title: '12345热线工单 GX20261205001：执法人员未出示证件即进入车间检查' });
    expect(JSON.parse(millCase.evidence)).toMatchObject({ channel: 'hotline', ticketNo: 'GX20261205001', contactRegistered: true, contactPhone: '139****0832' });
    expect(millCase.created_at).toBeTruthy();

    // Concluded: the mobile gets its SMS; the landline none (its page shows the outcome).
    await conclude(result.cases[0].caseId, 'conclude-unfounded', '经查执法人员已出示证件');
    await conclude(result.cases[1].caseId, 'conclude-unfounded', '两次检查为不同事项');
    await eventually(() => outcomesTo(MILL_PHONE).length === 1, 20_000, 'the hotline outcome SMS');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.accepted.filter((a) => a.phone.includes('23456789'))).toEqual([]);
  });

  it('imports the hotline\'s Excel export too, by its column names; a file that is no workbook, or lacks a column, imports nothing', async () => {
    const xlsx = async (header: string[], rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('工单');
      sheet.addRow(header);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const send = (payload: Buffer) => t.app.inject({
      method: 'POST', url: '/api/complaints/hotline', headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload,
    });
    const before = await count('complaints');
    const header = ['工单号', '受理时间', '统一社会信用代码', '联系电话', '诉求内容', '备注'];
    const received = new Date(Date.now() - 7_200_000);
    expect((await send(Buffer.from('PK not a workbook'))).statusCode).toBe(400);
    const lacking = await send(await xlsx(header.filter((h) => h !== '联系电话'), [['GX20261206001', received, SHOP, '反映内容足够长']]));
    expect([lacking.statusCode, JSON.parse(lacking.body).error.fields]).toEqual([400, [{ field: '第1行：联系电话', reason: '缺少此列' }]]);
    const badRow = await send(await xlsx(header, [['GX20261206001', received, SHOP, '13600000839', '反映内容足够长', ''], ['GX20261206002', received, SHOP, '12', '电话不对', '']]));
    expect(JSON.parse(badRow.body).error.fields).toEqual([{ field: '第3行：phone', reason: '联系电话应为11位手机号或带区号的固定电话' }]);
    expect(await count('complaints')).toBe(before);

    const imported = await send(await xlsx(header, [['GX20261206001', received, SHOP, '13600000839', '检查人员要求提供与检查无关的材料', '备注不导入']]));
    expect([imported.statusCode, JSON.parse(imported.body).imported]).toEqual([200, 1]);
    const [row] = await t.dataSource.query("SELECT channel, received_at, content FROM complaints WHERE ticket_no = 'GX20261206001'");
    expect(row).toMatchObject({ channel: 'hotline', content: '检查人员要求提供与检查无关的材料' });
    expect(Math.abs(new Date(row.received_at).getTime() - received.getTime())).toBeLessThan(1000);
  });
});

