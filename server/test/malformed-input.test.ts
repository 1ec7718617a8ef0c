/**
 * Bad input over every operation of the OpenAPI document, as every kind of caller: malformed path,
 * query and body values, huge numbers, wrong types, wrong content types (support/malformed-input.ts).
 * No answer may be a 5xx, and a refused request (4xx) leaves every table as it was. The run is
 * seeded, so it sends the same requests each time; a 5xx prints what to replay.
 *
 * The operations run on fixtures of their own database: two agencies with their users, plans (one
 * coded, one checked in today), finished inspections with ratings and flagged cases, a review request, an attachment, an
 * import, a stored document, an enterprise's rating link and a noticed penalty case's supervision code. Side effects of requests that pass
 * (a plan moved, a case acted on, an import run) stay in this database; the last test checks it is
 * still usable.
 */
import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import type { Queue } from 'bull';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { QueueName } from '../src/infra/queues/queues.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken } from '../src/modules/cases/supervision-code/supervision-code-token.js';
import { BenchmarkWriter } from '../src/modules/cases/index.js';
import { credentialHash } from '../src/modules/evaluation/rating-token.js';
import { forgetPortCodes } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { malformedCases, operationsOf, seededRandom, shuffled, urlOf, type MalformedCase, type OpenApiDocument, type Operation } from './support/malformed-input.js';
import { appendTrail, raiseFlag } from './support/trail-and-flags.js';
import { call, forgetLoginAttempts, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

/** `enterprise` holds a rating link's token; `enterpriseSession` is the enterprise signed in to its port. */
type Caller = 'anonymous' | 'enterprise' | 'enterpriseSession' | 'officer1' | 'admin1' | 'supervisor' | 'discipline';
const CALLERS: Caller[] = ['anonymous', 'enterprise', 'enterpriseSession', 'officer1', 'admin1', 'supervisor', 'discipline'];
const SEED = 20261124;
/** Cases per operation beyond the ones every caller sends; bounds the run to a few thousand requests. */
const CASES_PER_OPERATION = 300;
/** Cases every caller sends, those without access included (a guard must refuse before anything breaks). */
const CASES_FOR_EVERY_CALLER = 3;

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const SHOP = buildCreditCode('92410202', 'MA000701');
const MILL = buildCreditCode('91410200', 'MA000702');
const CAFE = buildCreditCode('92410202', 'MA000703');
const RATING_TOKEN = 'Fz3q9LmN0pQrStUvWxYz12';
const SHOP_PHONE = '13800000701';
/** The run's own client address (a documentation range), so the logins and codes it gets wrong throttle it, not other test files. */
const FUZZ_ADDRESS = '198.51.100.7';
/** Operations that end the caller's sessions when they pass: run last, each caller signing in again after each. */
// Taking an officer off duty (an edit of the officers' register) deactivates their accounts: it ends sessions too.
const endsSessions = (operation: Operation) => ['/api/auth/logout', '/api/auth/password', '/api/enterprise/sign-out'].includes(operation.template)
  || operation.template.startsWith('/api/users/') || (operation.method === 'PATCH' && operation.template.startsWith('/api/registry/officers/'));

/** Tables written on purpose when a request is refused: a refused filing, move or code is recorded (422). */
const WRITTEN_ON_REFUSAL: Record<string, (status: number) => boolean> = { plan_events: (status) => status === 422 };

interface Answer {
  status: number;
  errorId?: string;
}

/** A loopback stand-in for WeChat's code2session that knows no code, so a WeChat login is refused, never an upstream failure. */
function fakeWechat(): Promise<{ server: Server; base: string }> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('malformed input over every operation of the OpenAPI document', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof fakeWechat>>;
  const tokens: Partial<Record<Caller, string>> = {};
  const ids: Record<string, string> = {};
  let documentDir: string;
  let spoolDir: string;

  beforeAll(async () => {
    wechat = await fakeWechat();
    documentDir = mkdtempSync(join(tmpdir(), 'mashang-malformed-docs-'));
    spoolDir = mkdtempSync(join(tmpdir(), 'mashang-malformed-imports-'));
    t = await startTestApp('malformed_input', { env: { DOCUMENT_DIR: documentDir, IMPORT_SPOOL_DIR: spoolDir, WECHAT_API_BASE: wechat.base } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法')");
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', NULL)", [SHOP, testPhoneCipher().encrypt(SHOP_PHONE), MILL]);
    for (const who of ['officer1', 'admin1', 'supervisor', 'discipline'] as const) tokens[who] = await login(t.app, who);
    tokens.enterpriseSession = await enterpriseSignIn();
    // A planned inspection of the shop in two days, announced to it: its half-days are marked below.
    await ds.query("INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, status, filed_at, filed_by, lead_plan_id, inspection_date) VALUES ('PN1', 'JH-FUZZ-PN1', 'A1', ?, ?, 'planned', 'active', NOW(3), 1, 'PN1', ?)", [SHOP, inDays(2), inDays(2)]);
    await ds.query("INSERT INTO plan_items (plan_id, item_id, position) VALUES ('PN1', 'I1', 0)");
    await ds.query("INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ('PN1', 'O1', 0)");
    const contactPhone = '13700000701';
    ids.contact = 'fuzz-contact-1';
    await ds.query('INSERT INTO enterprise_contacts (id, credit_code, phone_cipher, phone_index, title, added_at) VALUES (?, ?, ?, ?, ?, NOW(3))', [ids.contact, SHOP, testPhoneCipher().encrypt(contactPhone), testPhoneCipher().index(contactPhone), '店员']);
    const officer2 = await login(t.app, 'officer2');

    const file = async (token: string, creditCode: string, officerId: string, itemId: string) => {
      const plan = await call(t.app, 'POST', '/api/plans', { token, body: { creditCode, date: inDays(10), trigger: 'planned', officerIds: [officerId], itemIds: [itemId] } });
      if (plan.status !== 201) throw new Error(`plan: ${JSON.stringify(plan.body)}`);
      return plan.body.id as string;
    };
    ids.planA1 = await file(tokens.officer1!, SHOP, 'O1', 'I1');
    ids.planA2 = await file(officer2, MILL, 'O2', 'I2');
    ids.codeToken = (await call(t.app, 'POST', `/api/plans/${ids.planA1}/code`, { token: tokens.officer1, body: {} })).body.token;
    // An inspection under way today, so findings, documents and the finish get past "check in first".
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '街角小吃', 'catering', '410204', 'B')", [CAFE]);
    const today = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: CAFE, date: inDays(0), trigger: 'complaint', reason: '群众投诉', officerIds: ['O1'], itemIds: ['I1'] } });
    ids.planToday = today.body.id;
    await call(t.app, 'POST', `/api/plans/${ids.planToday}/code`, { token: tokens.officer1, body: { aloneReason: '投诉件单独处理' } });
    const checkIn = await call(t.app, 'POST', '/api/onsite/check-in', { token: tokens.officer1, body: { creditCode: CAFE, clientKey: 'fixture-check-in' } });
    if (checkIn.status !== 200) throw new Error(`check-in: ${JSON.stringify(checkIn.body)}`);

    for (const [id, agency, creditCode] of [['X1', 'A1', SHOP], ['X2', 'A2', MILL]]) {
      await ds.transaction(async (manager) => {
        await manager.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, ?, ?, 'planned', NOW() - INTERVAL 3 DAY, NOW() - INTERVAL 3 DAY, 1, 'pass')", [id, agency, creditCode]);
        await manager.query("INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, rated_at) VALUES (?, ?, 1, 1, 1, 1, 'disapprove', NOW())", [id, agency]);
        await appendTrail(manager, id, 'rated', 'enterprise', { agencyId: agency });
        ids[`case${agency}`] = (await raiseFlag(manager, {
          dedupeKey: `rating:${id}:${agency}`, source: 'rating', subjectType: 'inspection', subjectId: id, agencyId: agency, creditCode, inspectionId: id, severity: 'high', title: '企业不满意', evidence: { inspectionId: id }, actor: 'enterprise',
        })).id;
      });
    }
    await ds.query("INSERT INTO review_requests (id, inspection_id, credit_code, agency_id, reason, status, requested_by, requested_at) VALUES ('RV1', 'X2', ?, 'A1', '有异议', 'pending', 3, NOW())", [MILL]);
    await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.supervisor, body: { id: 'catering', name: '餐饮店联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'] } });
    ids.attachment = (await call(t.app, 'POST', `/api/supervision/cases/${ids.caseA1}/attachments`, { token: tokens.supervisor, body: { name: '笔录.txt', mime: 'text/plain', content: Buffer.from('笔录').toString('base64') } })).body.id;
    ids.import = (await call(t.app, 'POST', '/api/exchange/imports', { token: tokens.supervisor, body: {} })).body.id;
    await BenchmarkWriter.on(ds).save([{
      clause: 'FSL-126', name: '未按规定建立并遵守进货查验记录制度', legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
      factors: [{ id: 'first-offence', label: '初次违法', points: -2 }],
      bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
      ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
    }], 'cli', 'import');

    await ds.query(
      "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV1', 'G1', ?, NULL, 'link', ?, NULL, ?, NOW(), NOW() + INTERVAL 7 DAY)",
      [SHOP, credentialHash({ kind: 'link', token: RATING_TOKEN }), inDays(-3)],
    );
    await ds.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV1', 'X1', 'A1', 0)");
    tokens.enterprise = RATING_TOKEN;

    // Yesterday's nightly report, for its findings list.
    await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: inDays(-1) } });
    for (let i = 0; i < 120; i++) {
      const run = await call(t.app, 'GET', `/api/anomaly/runs/${inDays(-1)}`, { token: tokens.supervisor });
      if (run.body.status === 'completed') break;
      if (run.body.status === 'failed') throw new Error(`anomaly run failed: ${run.body.error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // A penalty case as its notice leaves it, read and answered by its supervision code.
    await ds.query("INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES ('PC1', 'A1', ?, 'food-safety-34', 'general', 0, 'filed', NOW())", [SHOP]);
    ids.penaltyToken = supervisionCodeToken(supervisionCodeKey(t.config.jwtSecret), 'PC1');
    await ds.query(
      `INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, points, notified_at, statement_until, hearing_until, code_hash, filed_by, updated_at)
       VALUES ('PC1', 'notified', 'inspection', '经营过期食品', '《食品安全法》第一百二十四条', 2, NOW(), NOW() + INTERVAL 3 DAY, NOW() + INTERVAL 5 DAY, ?, 5, NOW())`,
      [supervisionCodeHash(ids.penaltyToken)],
    );

    const key = 'malformed/DOC-A1.pdf';
    mkdirSync(dirname(join(documentDir, key)), { recursive: true });
    writeFileSync(join(documentDir, key), '%PDF-1.4 malformed');
    await ds.query(
      "INSERT INTO inspection_documents (id, plan_id, kind, doc_no, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, client_key) VALUES ('DOC-A1', ?, 'record', NULL, '检查记录', 'record.pdf', 'application/pdf', 18, ?, ?, 5, NOW(), 'DOC-A1')",
      [ids.planA1, '0'.repeat(64), key],
    );
  });
  /**
   * Signs 老王烩面馆 in to its port with its register's phone, the code read from the local outbox. The run
   * may have edited the register's phone meanwhile (a register edit that passed): it is put back first.
   */
  async function enterpriseSignIn(): Promise<string> {
    await forgetPortCodes(t.app);
    await t.dataSource.query('UPDATE enterprises SET phone_cipher = ? WHERE credit_code = ?', [testPhoneCipher().encrypt(SHOP_PHONE), SHOP]);
    const asked = await call(t.app, 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: SHOP, phone: SHOP_PHONE } });
    if (asked.status !== 200) throw new Error(`enterprise sign-in code: ${JSON.stringify(asked.body)}`);
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
    const signed = await call(t.app, 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: SHOP_PHONE, code: /验证码为(\d{6})/.exec(sms.text)![1] } });
    if (signed.status !== 200) throw new Error(`enterprise sign-in: ${JSON.stringify(signed.body)}`);
    return signed.body.token;
  }

  afterAll(async () => {
    if (t) await forgetPortCodes(t.app);
    if (t) await forgetLoginAttempts(t.app, { accounts: [knownFields().username], addresses: [FUZZ_ADDRESS] });
    await t?.close();
    wechat?.server.close();
  });

  /** The fixture's record for each path parameter, so a case gets past "not found" to what it tests. */
  function baseParams(operation: Operation): Record<string, string> {
    const known = (name: string): string => {
      const path = operation.template;
      if (name === 'creditCode') return SHOP;
      if (name === 'asOf') return inDays(-1);
      if (name === 'year') return '2025';
      if (name === 'clause') return 'FSL-126';
      if (name === 'kind') return 'agencies';
      if (name === 'table') return 'cases';
      if (name === 'attachmentId') return ids.attachment;
      if (name === 'credential' || path.startsWith('/r/') || path.includes('/outcomes/')) return RATING_TOKEN;
      if (path.startsWith('/api/penalty-codes/') || path.startsWith('/p/')) return ids.penaltyToken;
      if (name === 'token') return ids.codeToken;
      if (path.includes('/agencies/')) return 'A1';
      if (path.includes('/officers/')) return 'O1';
      if (path.includes('/items/')) return 'I1';
      if (path.includes('/imports/')) return ids.import;
      if (path.includes('/cases/')) return ids.caseA1;
      if (path.includes('/reviews/')) return 'RV1';
      if (path.includes('/joint-scenarios/')) return 'catering';
      if (path.startsWith('/api/enterprise/contacts/')) return ids.contact;
      if (path.startsWith('/api/enterprise/inspections/')) return 'X1';
      if (path.startsWith('/api/enterprise/notices/')) return 'PN1';
      if (path.includes('/documents/')) return 'DOC-A1';
      if (path.startsWith('/api/onsite/inspections/')) return ids.planToday;
      if (path.startsWith('/api/inspections/')) return 'X1';
      return ids.planA1;
    };
    return Object.fromEntries(operation.pathParams.map((name) => [name, encodeURIComponent(known(name))]));
  }

  /** Body and query fields by name, where the document's example would not do (never a real login's password). */
  const knownFields = () => ({
    username: 'fuzz-nobody', password: 'not-a-password', phone: '13600000798', smsCode: '123456', creditCode: SHOP, date: inDays(12), asOf: inDays(-2), deadline: inDays(5), rectifyBy: inDays(5),
    clientKey: 'fuzz-client-key', agencyId: 'A1', itemId: 'I1', officerIds: ['O1'], itemIds: ['I1'], agencyIds: ['A1', 'A2'], inspectionId: 'X1',
    planId: ids.planA1, content: Buffer.from('fuzz').toString('base64'), mime: 'text/plain', title: '检查记录', kind: 'record',
  });

  /** Per-table checksums and the files stored for documents and imports; a refused request must leave them as they were. */
  let checksumStatement = '';
  async function checksums(): Promise<Map<string, string>> {
    if (!checksumStatement) {
      const tables: { name: string }[] = await t.dataSource.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'");
      checksumStatement = `CHECKSUM TABLE ${tables.map((row) => `\`${row.name}\``).join(', ')}`;
    }
    const rows: { Table: string; Checksum: string }[] = await t.dataSource.query(checksumStatement);
    const files = (dir: string) => readdirSync(dir, { recursive: true }).sort().join('\n');
    return new Map([...rows.map((row): [string, string] => [row.Table.split('.').pop()!, String(row.Checksum)]), ['document files', files(documentDir)], ['import files', files(spoolDir)]]);
  }

  /** Waits until no job is waiting or running, so what a request that passed queued is written before the next comparison. */
  async function settled(): Promise<void> {
    const queues = Object.values(QueueName).map((name) => t.app.get<Queue>(getQueueToken(name), { strict: false }));
    // On a busy machine a job can take seconds, or wait for a retry: give up only after a minute, so a
    // job's late write is not put down to the next request.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      // Jobs a write caused wait in the outbox until the relay hands them to Bull: both must be empty,
      // and no retry may be due within moments (scheduled jobs days away do not count).
      const [{ unrelayed }] = await t.dataSource.query('SELECT COUNT(*) AS unrelayed FROM job_outbox WHERE relayed_at IS NULL AND available_at <= UTC_TIMESTAMP(3)');
      const counts = await Promise.all(queues.map((queue) => queue.getJobCounts()));
      if (Number(unrelayed) === 0 && counts.every((c) => c.waiting === 0 && c.active === 0)) {
        const delayed = (await Promise.all(queues.map((queue) => queue.getDelayed()))).flat();
        if (!delayed.some((job) => job.timestamp + (job.opts.delay ?? 0) <= Date.now() + 15_000)) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function send(operation: Operation, malformed: MalformedCase, caller: Caller): Promise<Answer> {
    const token = tokens[caller];
    const response = await t.app.inject({
      method: operation.method as 'GET',
      remoteAddress: FUZZ_ADDRESS,
      url: urlOf(operation, malformed),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(malformed.body?.contentType ? { 'content-type': malformed.body.contentType } : {}) },
      payload: malformed.body?.payload,
    });
    let errorId: string | undefined;
    try {
      errorId = JSON.parse(response.body)?.error?.errorId;
    } catch {
      /* not JSON */
    }
    return { status: response.statusCode, errorId };
  }

  it('refuses a page past the last one on every paged list with 400 naming the field (it reached SQL as OFFSET 2e+21)', async () => {
    const paged = ['/api/registry/agencies', '/api/registry/officers', '/api/registry/items', '/api/registry/enterprises', '/api/plans', '/api/reviews', '/api/anomaly/runs', `/api/anomaly/reports/${inDays(-1)}/findings`, '/api/ratings/invites', '/api/discretion-benchmarks'];
    for (const path of paged) {
      for (const page of ['99999999999999999999', '1e21', '100001']) {
        const answer = await call(t.app, 'GET', `${path}?page=${page}`, { token: tokens.supervisor });
        expect([path, answer.status, answer.body.error.code, answer.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([path, 400, 'VALIDATION_FAILED', expect.arrayContaining(['page'])]);
      }
      expect([path, (await call(t.app, 'GET', `${path}?page=100000`, { token: tokens.supervisor })).status]).toEqual([path, 200]);
    }
  });

  it('refuses a JSON body nested deeper than any request needs with 400, before validation recurses into it', async () => {
    const deep = `{"reason":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const answer = await call(t.app, 'POST', `/api/plans/${ids.planA2}/cancel`, { token: tokens.admin1, body: deep, headers: { 'content-type': 'application/json' } });
    expect(answer).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('嵌套过深') } } });
  });

  it('refuses a multipart upload without a boundary or cut short with 400, and keeps no file', async () => {
    const upload = (contentType: string, payload: string) => t.app.inject({
      method: 'POST', url: `/api/onsite/inspections/${ids.planToday}/documents?kind=record&title=x&clientKey=cut-short-upload`,
      headers: { authorization: `Bearer ${tokens.officer1}`, 'content-type': contentType }, payload,
    });
    const part = '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a file';
    for (const answer of [await upload('multipart/form-data', part), await upload('multipart/form-data; boundary=cut', part), await upload('multipart/form-data; boundary=cut', '--cut\r\ngarbage')]) {
      expect([answer.statusCode, JSON.parse(answer.body).error.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(readdirSync(documentDir, { recursive: true }).filter((name) => String(name).startsWith('documents'))).toEqual([]);
  });

  it('answers no 5xx and writes nothing when it refuses', async () => {
    const document = (await call<OpenApiDocument>(t.app, 'GET', '/api/docs-json')).body;
    const all = operationsOf(document);
    const operations = [...all.filter((operation) => !endsSessions(operation)), ...all.filter(endsSessions)];
    expect(operations.length).toBeGreaterThan(70);
    const random = seededRandom(SEED);
    const counts = { tried: 0, '2xx/3xx': 0, '4xx': 0, '5xx': 0 };
    const failures: string[] = [];
    const halfWritten: string[] = [];
    let before = await checksums();

    const record = async (operation: Operation, malformed: MalformedCase, caller: Caller): Promise<Answer> => {
      const what = () => `${operation.method} ${urlOf(operation, malformed).slice(0, 160)} as ${caller} (${malformed.what}; body ${malformed.body ? `${malformed.body.contentType ?? 'no content type'} ${malformed.body.payload.slice(0, 120)}` : 'none'})`;
      let answer: Answer;
      try {
        answer = await send(operation, malformed, caller);
      } catch (error) {
        answer = { status: 599, errorId: `threw ${(error as Error).message}` };
      }
      counts.tried++;
      if (answer.status >= 500) {
        counts['5xx']++;
        failures.push(`${answer.status} ${what()} errorId=${answer.errorId}`);
      } else if (answer.status >= 400) {
        counts['4xx']++;
      } else {
        counts['2xx/3xx']++;
      }
      // 401 and 403 come from the guards, before any handler runs; every other answer is compared.
      if (answer.status !== 401 && answer.status !== 403) {
        if (answer.status < 400 && operation.method !== 'GET') await settled();
        const after = await checksums();
        if (answer.status >= 400 && answer.status < 500) {
          const changed = [...after].filter(([table, sum]) => before.get(table) !== sum && !WRITTEN_ON_REFUSAL[table]?.(answer.status)).map(([table]) => table);
          if (changed.length) halfWritten.push(`${answer.status} ${what()} changed ${changed.join(', ')}`);
        }
        before = after;
      }
      return answer;
    };

    let generated = 0;
    for (const operation of operations) {
      // A party's submission by the supervision code: an objection, the kind that raises a flagged case.
      const fields = operation.template.startsWith('/api/penalty-codes/') ? { ...knownFields(), kind: 'objection' } : knownFields();
      const cases = malformedCases(operation, baseParams(operation), fields);
      generated += cases.length;
      const everyone = cases.slice(0, CASES_FOR_EVERY_CALLER);
      const admitted: Caller[] = [];
      for (const caller of CALLERS) {
        let shutOut = true;
        for (const malformed of everyone) if (![401, 403].includes((await record(operation, malformed, caller)).status)) shutOut = false;
        if (!shutOut) admitted.push(caller);
      }
      // The rest go to the callers let in, in turn, so each case reaches the code behind the guards.
      const rest = shuffled(cases.slice(CASES_FOR_EVERY_CALLER), random).slice(0, CASES_PER_OPERATION);
      for (const [i, malformed] of rest.entries()) if (admitted.length) await record(operation, malformed, admitted[i % admitted.length]);
      if (endsSessions(operation)) {
        // A well-formed edit among the cases may have taken the fixture's officers off duty: put them back, as an admin would.
        await t.dataSource.query("UPDATE officers SET active = 1 WHERE id IN ('O1', 'O2')");
        await t.dataSource.query("UPDATE users SET active = 1 WHERE username IN ('officer1', 'officer2', 'admin1', 'admin2', 'supervisor', 'discipline')");
        for (const who of ['officer1', 'admin1', 'supervisor', 'discipline'] as const) tokens[who] = await login(t.app, who);
        tokens.enterpriseSession = await enterpriseSignIn();
        before = await checksums();
      }
    }

    console.log(`malformed input: ${counts.tried} requests tried, ${counts['2xx/3xx']} 2xx/3xx, ${counts['4xx']} 4xx, ${counts['5xx']} 5xx over ${operations.length} operations (${generated} cases generated)`);
    expect(failures).toEqual([]);
    expect(halfWritten).toEqual([]);
    // A bound on a stuck run, not a speed requirement: the fuzzer's pace follows the machine's load.
  }, 1_200_000);

  it('leaves its database usable: every caller signs in, plans are filed and coded, lists answer, the trails verify', async () => {
    for (const who of ['officer1', 'officer2', 'admin1', 'admin2', 'supervisor', 'discipline']) expect(await login(t.app, who)).toEqual(expect.any(String));
    const creditCode = buildCreditCode('92410202', 'MA000799');
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '新开业餐馆', 'catering', '410204', 'D')", [creditCode]);
    const plan = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode, date: inDays(20), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] } });
    expect(plan.status).toBe(201);
    expect((await call(t.app, 'POST', `/api/plans/${plan.body.id}/code`, { token: tokens.officer1, body: { aloneReason: '本部门单独检查' } })).status).toBe(200);
    for (const path of ['/api/plans', '/api/registry/enterprises', '/api/supervision/cases', '/api/reviews', '/api/health']) {
      expect([path, (await call(t.app, 'GET', path, { token: tokens.supervisor })).status]).toEqual([path, 200]);
    }
    for (const id of ['X1', 'X2', ids.planA1]) expect((await call(t.app, 'GET', `/api/inspections/${id}/trail/verify`, { token: tokens.supervisor })).body).toMatchObject({ intact: true });
  });
});
