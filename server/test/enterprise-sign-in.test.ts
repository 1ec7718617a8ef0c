/**
 * The enterprise's port: sign-in by phone and SMS code (through the Aliyun SDK to a loopback fake of its
 * API), throttled per phone and per address; WeChat sign-in bound to a registered phone; a session kind of
 * its own that no officer or desk endpoint accepts; contacts added and removed by the legal representative.
 */
import { buildCreditCode } from '@mashang/shared';
import type { Server } from 'node:http';
import { aliyunEnv, FakeSmsProvider } from './evaluation-fakes.js';
import { callFrom, fakeWechat, forgetPortCodes, signInEnterprise, smsCodesTo } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000801');
const MILL = buildCreditCode('91410200', 'MA000802');
const SHOP_PHONE = '13800000801';
const MILL_PHONE = '13900000802';
const ACCOUNTANT = '13700000803';
const STRANGER = '13600000804';

describe('the enterprise signs in to its port', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let wechat: { server: Server; base: string };
  const cipher = testPhoneCipher();

  beforeAll(async () => {
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    wechat = await fakeWechat();
    t = await startTestApp('enterprise_sign_in', { env: { ...aliyunEnv(fake.url), WECHAT_API_BASE: wechat.base } });
    await forgetPortCodes(t.app);
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)],
    );
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    wechat?.server.close();
  });

  it('sends a code to the register\'s phone and signs in with it, once', async () => {
    const asked = await callFrom(t.app, '203.0.113.1', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: SHOP, phone: SHOP_PHONE } });
    expect(asked).toMatchObject({ status: 200, body: { phone: '138****0801', expiresInSeconds: 300, resendAfterSeconds: 60 } });
    const sent = fake.accepted.filter((a) => a.phone === SHOP_PHONE);
    expect(sent).toEqual([expect.objectContaining({ templateId: 'SMS_SIGN_IN', signName: '码上入企', params: { code: expect.stringMatching(/^\d{6}$/), minutes: '5' } })]);
    const [code] = smsCodesTo(fake, SHOP_PHONE);

    const wrong = code === '000000' ? '000001' : '000000';
    expect(await callFrom(t.app, '203.0.113.1', 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: SHOP_PHONE, code: wrong } }))
      .toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: expect.stringContaining('验证码不正确') } } });
    const signed = await callFrom(t.app, '203.0.113.1', 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: SHOP_PHONE, code } });
    expect(signed).toMatchObject({ status: 200, body: { token: expect.any(String), enterprise: { creditCode: SHOP, enterpriseName: '老王烩面馆', phone: '138****0801', representative: true } } });
    expect(JSON.stringify(signed.body)).not.toContain(SHOP_PHONE);
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: signed.body.token })).body).toEqual(signed.body.enterprise);

    // Used up: the same code does not sign in again.
    expect((await callFrom(t.app, '203.0.113.1', 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: SHOP_PHONE, code } })).body.error.message).toContain('验证码已失效');
    const [session] = await t.dataSource.query('SELECT credit_code, phone_index, method FROM enterprise_sessions');
    expect(session).toEqual({ credit_code: SHOP, phone_index: cipher.index(SHOP_PHONE), method: 'sms' });
  });

  it('answers alike for a phone that is not the enterprise\'s, and sends it nothing', async () => {
    const before = fake.accepted.length;
    for (const [creditCode, phone] of [[SHOP, STRANGER], [SHOP, MILL_PHONE], [buildCreditCode('92410202', 'MA000899'), '13600000805']]) {
      expect(await callFrom(t.app, '203.0.113.2', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode, phone } }))
        .toMatchObject({ status: 200, body: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, expiresInSeconds: 300 } });
    }
    expect(fake.accepted.length).toBe(before);
    expect((await callFrom(t.app, '203.0.113.2', 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: MILL_PHONE, code: '123456' } })).status).toBe(401);
    expect(await t.dataSource.query('SELECT id FROM enterprise_sessions WHERE phone_index = ?', [cipher.index(MILL_PHONE)])).toEqual([]);
  });

  it('refuses bad input with 400 naming the field', async () => {
    for (const [body, field] of [[{ creditCode: SHOP, phone: '12345' }, 'phone'], [{ creditCode: '123', phone: SHOP_PHONE }, 'creditCode'], [{ creditCode: SHOP, phone: SHOP_PHONE, code: '12ab56' }, 'code']] as const) {
      const path = 'code' in body ? '/api/enterprise/sign-in' : '/api/enterprise/sign-in/code';
      const answer = await callFrom(t.app, '203.0.113.3', 'POST', path, { body });
      expect([answer.status, answer.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, [field]]);
    }
  });

  it('throttles codes per phone (a minute apart, five an hour) and per address', async () => {
    await forgetPortCodes(t.app);
    const ask = (phone: string, address: string) => callFrom(t.app, address, 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: MILL, phone } });
    expect((await ask(MILL_PHONE, '203.0.113.4')).status).toBe(200);
    // Another address does not help the phone.
    const again = await ask(MILL_PHONE, '203.0.113.5');
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50);
    expect(again.body.error.message).toMatch(/验证码已发送，请\d+秒后再重新获取/);
    expect(smsCodesTo(fake, MILL_PHONE)).toHaveLength(1);

    // One address asking for many phones is stopped at its twentieth.
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push((await ask(`1350000${String(i).padStart(4, '0')}`, '198.51.100.9')).status);
    expect(answers.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(answers[20]).toBe(429);
    await forgetPortCodes(t.app);
  });

  it('voids a code after five wrong tries', async () => {
    await callFrom(t.app, '203.0.113.6', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: MILL, phone: MILL_PHONE } });
    const code = smsCodesTo(fake, MILL_PHONE).pop()!;
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) await callFrom(t.app, '203.0.113.6', 'POST', '/api/enterprise/sign-in', { body: { creditCode: MILL, phone: MILL_PHONE, code: wrong } });
    const late = await callFrom(t.app, '203.0.113.6', 'POST', '/api/enterprise/sign-in', { body: { creditCode: MILL, phone: MILL_PHONE, code } });
    expect([late.status, late.body.error.message]).toEqual([401, expect.stringContaining('验证码已失效')]);
    await forgetPortCodes(t.app);
  });

  it('keeps the two kinds of token apart: an enterprise session opens no officer or desk endpoint, and no login opens the port', async () => {
    await forgetPortCodes(t.app);
    const enterprise = await signInEnterprise(t.app, fake, SHOP, SHOP_PHONE);
    for (const path of ['/api/plans', '/api/auth/me', '/api/supervision/cases', '/api/registry/enterprises', '/api/sms/outbox']) {
      expect([path, (await call(t.app, 'GET', path, { token: enterprise })).status]).toEqual([path, 403]);
    }
    const officer = await login(t.app, 'officer1');
    const supervisor = await login(t.app, 'supervisor');
    for (const token of [officer, supervisor]) expect((await call(t.app, 'GET', '/api/enterprise/me', { token })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/enterprise/me')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: 'Zk3q9LmN0pQrStUvWxYz12' })).status).toBe(401);
  });

  it('lets the legal representative add a contact who then signs in, and remove it: its session ends at once', async () => {
    await forgetPortCodes(t.app);
    const boss = await signInEnterprise(t.app, fake, SHOP, SHOP_PHONE);
    const added = await call(t.app, 'POST', '/api/enterprise/contacts', { token: boss, body: { phone: ACCOUNTANT, title: '财务负责人' } });
    expect(added).toMatchObject({ status: 200, body: [
      { id: null, phone: '138****0801', title: '法定代表人（登记电话）', representative: true, you: true },
      { id: expect.any(String), phone: '137****0803', title: '财务负责人', representative: false, you: false },
    ] });
    expect((await call(t.app, 'POST', '/api/enterprise/contacts', { token: boss, body: { phone: ACCOUNTANT } })).status).toBe(409);
    expect((await call(t.app, 'POST', '/api/enterprise/contacts', { token: boss, body: { phone: SHOP_PHONE } })).status).toBe(409);
    // At rest: encrypted, found by the blind index.
    const [row] = await t.dataSource.query('SELECT phone_cipher, phone_index FROM enterprise_contacts');
    expect(row.phone_cipher).toMatch(/^v1\./);
    expect(row.phone_cipher).not.toContain(ACCOUNTANT);
    expect(cipher.decrypt(row.phone_cipher)).toBe(ACCOUNTANT);
    expect(row.phone_index).toBe(cipher.index(ACCOUNTANT));

    const accountant = await signInEnterprise(t.app, fake, SHOP, ACCOUNTANT);
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: accountant })).body).toEqual({ creditCode: SHOP, enterpriseName: '老王烩面馆', phone: '137****0803', representative: false });
    const seen = await call(t.app, 'GET', '/api/enterprise/contacts', { token: accountant });
    expect(seen.body.map((c: { you: boolean }) => c.you)).toEqual([false, true]);
    expect(JSON.stringify(seen.body)).not.toMatch(/1[3-9]\d{9}/);
    // Only the representative changes who may act for the enterprise.
    expect((await call(t.app, 'POST', '/api/enterprise/contacts', { token: accountant, body: { phone: STRANGER } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/enterprise/contacts/${added.body[1].id}/remove`, { token: accountant, body: {} })).status).toBe(403);

    // Another enterprise's representative cannot touch this contact.
    const mill = await signInEnterprise(t.app, fake, MILL, MILL_PHONE, '203.0.113.51');
    expect((await call(t.app, 'POST', `/api/enterprise/contacts/${added.body[1].id}/remove`, { token: mill, body: {} })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: accountant })).status).toBe(200);

    const removed = await call(t.app, 'POST', `/api/enterprise/contacts/${added.body[1].id}/remove`, { token: boss, body: {} });
    expect(removed).toMatchObject({ status: 200, body: [{ representative: true }] });
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: accountant })).status).toBe(401);
    expect((await t.dataSource.query('SELECT kind, detail FROM enterprise_port_events WHERE credit_code = ? ORDER BY id', [SHOP])).map((e: { kind: string; detail: string }) => [e.kind, JSON.parse(e.detail)]))
      .toEqual([['contact-added', { phone: '137****0803', title: '财务负责人' }], ['contact-removed', { phone: '137****0803', title: '财务负责人' }]]);
    // Removed, it can no longer ask for a code that works.
    const before = fake.accepted.length;
    await forgetPortCodes(t.app);
    await callFrom(t.app, '203.0.113.7', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: SHOP, phone: ACCOUNTANT } });
    expect(fake.accepted.length).toBe(before);
  });

  it('signs in with WeChat once bound to a registered phone, and forgets the binding when the contact is removed', async () => {
    await forgetPortCodes(t.app);
    const unbound = await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/wechat', { body: { code: 'wx-lin' } });
    expect([unbound.status, unbound.body.error.code]).toEqual([401, 'WECHAT_UNBOUND']);
    expect((await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/wechat', { body: { code: 'forged' } })).status).toBe(401);

    const boss = await signInEnterprise(t.app, fake, SHOP, SHOP_PHONE);
    const [{ id }] = (await call(t.app, 'POST', '/api/enterprise/contacts', { token: boss, body: { phone: ACCOUNTANT, title: '店长' } })).body.slice(1);
    await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: SHOP, phone: ACCOUNTANT } });
    const smsCode = smsCodesTo(fake, ACCOUNTANT).pop()!;
    const bound = await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/wechat', { body: { code: 'wx-lin', creditCode: SHOP, phone: ACCOUNTANT, smsCode } });
    expect(bound).toMatchObject({ status: 200, body: { enterprise: { creditCode: SHOP, phone: '137****0803', representative: false } } });
    const again = await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/wechat', { body: { code: 'wx-lin' } });
    expect(again).toMatchObject({ status: 200, body: { enterprise: { creditCode: SHOP, representative: false } } });
    expect((await t.dataSource.query("SELECT method FROM enterprise_sessions WHERE method = 'wechat'")).length).toBe(2);

    await call(t.app, 'POST', `/api/enterprise/contacts/${id}/remove`, { token: boss, body: {} });
    expect((await call(t.app, 'GET', '/api/enterprise/me', { token: again.body.token })).status).toBe(401);
    expect((await callFrom(t.app, '203.0.113.8', 'POST', '/api/enterprise/wechat', { body: { code: 'wx-lin' } })).body.error.code).toBe('WECHAT_UNBOUND');
  });

  it('signs out: the token is refused from then on', async () => {
    await forgetPortCodes(t.app);
    const token = await signInEnterprise(t.app, fake, MILL, MILL_PHONE, '203.0.113.9');
    expect((await call(t.app, 'POST', '/api/enterprise/sign-out', { token, body: {} })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/enterprise/contacts', { token })).status).toBe(401);
  });
});
