import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { hashPassword } from '../src/modules/auth/password.js';
import { PASSWORD, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const CODE = buildCreditCode('91410202', 'MA000101');

describe('inspection codes (检查码)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let leadPlanId = '';
  let token = '';

  beforeAll(async () => {
    t = await startTestApp('inspection_codes');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A3', '市生态环境局', 'ecology', '410204')");
    await t.dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no, phone_cipher) VALUES ('O3', 'A3', '赵强', '豫C0000003', NULL)");
    await t.dataSource.query('INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, ?, ?, ?, ?)', ['officer3', await hashPassword(PASSWORD), 'officer', '赵强', 'A3', 'O3']);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第八十七条'), ('I2', 'A2', '消防设施检查', '《中华人民共和国消防法》第十六条'), ('I3', 'A3', '排污许可检查', '《排污许可管理条例》第二十九条')");
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封宏达机械制造有限公司', 'manufacturing', '410202', 'v1.secret', 'C')", [CODE]);
    for (const user of ['officer1', 'officer2', 'officer3', 'admin2']) tokens[user] = await login(t.app, user);
    const first = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: CODE, date: inDays(8), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] } });
    await call(t.app, 'POST', '/api/plans', { token: tokens.officer2, body: { creditCode: CODE, date: inDays(10), trigger: 'planned', officerIds: ['O2'], itemIds: ['I2'] } });
    leadPlanId = first.body.id;
  });
  afterAll(() => t.close());

  it('issues one code per inspection, whichever member asks, as a QR of a short link', async () => {
    const issued = await call(t.app, 'POST', `/api/plans/${leadPlanId}/code`, { token: tokens.officer1 });
    expect(issued.status).toBe(200);
    token = issued.body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(issued.body.url).toBe(`${t.config.publicBaseUrl}/v/${token}`);
    expect(issued.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [memberPlan] = await t.dataSource.query("SELECT id FROM plans WHERE agency_id = 'A2'");
    const again = await call(t.app, 'POST', `/api/plans/${memberPlan.id}/code`, { token: tokens.officer2 });
    expect(again.body.token).toBe(token);
    const history = await call(t.app, 'GET', `/api/plans/${memberPlan.id}/history`, { token: tokens.officer2 });
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'merged', 'coded']);
    expect((await call(t.app, 'POST', `/api/plans/${leadPlanId}/code`, { token: tokens.officer3 })).status).toBe(403);
  });

  it('shows anyone who scans it the agencies, officers with certificate numbers, items with legal basis, and date — no phones', async () => {
    const checked = await call(t.app, 'GET', `/api/codes/${token}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'valid',
      inspectionDate: inDays(8),
      joint: true,
      enterprise: { creditCode: CODE, name: '开封宏达机械制造有限公司' },
      agencies: [
        { name: '市市场监督管理局', officers: [{ name: '张伟', certNo: '豫C0000001' }], items: [{ name: '食品经营许可检查', basis: '《中华人民共和国食品安全法》第八十七条' }] },
        { name: '市消防救援支队', officers: [{ name: '李娜', certNo: '豫C0000002' }] },
      ],
    });
    expect(JSON.stringify(checked.body)).not.toMatch(/phone|secret/i);
  });

  it('says plainly when a code is forged, expired or cancelled', async () => {
    const forged = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect(await call(t.app, 'GET', `/api/codes/${forged}`)).toMatchObject({ status: 404, body: { error: { code: 'CODE_INVALID', message: expect.stringContaining('不是本系统签发') } } });
    expect((await call(t.app, 'GET', '/api/codes/not-a-code')).status).toBe(404);
    await t.dataSource.query('UPDATE inspection_codes SET expires_at = NOW() - INTERVAL 1 MINUTE WHERE token = ?', [token]);
    expect(await call(t.app, 'GET', `/api/codes/${token}`)).toMatchObject({ status: 410, body: { error: { code: 'CODE_EXPIRED' } } });
    await t.dataSource.query('UPDATE inspection_codes SET expires_at = NOW() + INTERVAL 30 DAY, revoked_at = NOW() WHERE token = ?', [token]);
    expect(await call(t.app, 'GET', `/api/codes/${token}`)).toMatchObject({ status: 410, body: { error: { code: 'CODE_CANCELLED' } } });
    await t.dataSource.query('UPDATE inspection_codes SET revoked_at = NULL WHERE token = ?', [token]);
  });

  it('a coded inspection cannot be moved; once all its plans are cancelled the code says so', async () => {
    const scratch = buildCreditCode('91410202', 'MA000102');
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封鑫源超市', 'retail', '410202', 'C')", [scratch]);
    const filed = await call(t.app, 'POST', '/api/plans', { token: tokens.officer1, body: { creditCode: scratch, date: inDays(9), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] } });
    const issued = await call(t.app, 'POST', `/api/plans/${filed.body.id}/code`, { token: tokens.officer1 });
    expect((await call(t.app, 'PATCH', `/api/plans/${filed.body.id}`, { token: tokens.officer1, body: { date: inDays(11) } })).status).toBe(409);
    await call(t.app, 'POST', `/api/plans/${filed.body.id}/cancel`, { token: tokens.officer1, body: { reason: '企业已整改完毕' } });
    expect(await call(t.app, 'GET', `/api/codes/${issued.body.token}`)).toMatchObject({ status: 410, body: { error: { code: 'CODE_CANCELLED' } } });
  });

  it('the QR link opens the H5 verification page', async () => {
    const answer = await t.app.inject({ method: 'GET', url: `/v/${token}` });
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(`/h5/enterprise.html#/enterprise/pages/verify/index?c=${token}`);
  });

  it('locks other agencies out within ±7 days once the code is issued; emergencies pass and stay apart', async () => {
    const late = await call(t.app, 'POST', '/api/plans', { token: tokens.officer3, body: { creditCode: CODE, date: inDays(14), trigger: 'planned', officerIds: ['O3'], itemIds: ['I3'] } });
    expect(late.status).toBe(422);
    expect(late.body.error.refusals).toEqual([expect.objectContaining({ rule: 'joint-lock-out', message: expect.stringContaining('市市场监督管理局、市消防救援支队'), remedy: expect.stringContaining(inDays(16)) })]);
    const [attempt] = await t.dataSource.query("SELECT agency_id FROM plan_events WHERE kind = 'refused' ORDER BY id DESC LIMIT 1");
    expect(attempt.agency_id).toBe('A3');

    const outside = await call(t.app, 'POST', '/api/plans', { token: tokens.officer3, body: { creditCode: CODE, date: inDays(16), trigger: 'planned', officerIds: ['O3'], itemIds: ['I3'] } });
    expect(outside.status).toBe(201);
    expect(outside.body.inspection.joint).toBe(false);

    const emergency = await call(t.app, 'POST', '/api/plans', { token: tokens.officer3, body: { creditCode: CODE, date: inDays(9), trigger: 'emergency', reason: '废水直排群众举报', officerIds: ['O3'], itemIds: ['I3'] } });
    expect(emergency.status).toBe(201);
    const coded = await call(t.app, 'GET', `/api/codes/${token}`);
    expect(coded.body.agencies).toHaveLength(2);
  });
});
