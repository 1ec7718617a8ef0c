import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, forgetLoginAttempts, startTestApp, type TestApp } from './support/test-app.js';

/** A loopback stand-in for api.weixin.qq.com speaking code2session's wire format. */
function fakeWechat(openIds: Record<string, string>): Promise<{ server: Server; base: string; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    calls.push(url.searchParams);
    const openid = url.pathname === '/sns/jscode2session' ? openIds[url.searchParams.get('js_code') ?? ''] : undefined;
    response.setHeader('content-type', 'text/plain'); // WeChat answers JSON labelled text/plain
    response.end(JSON.stringify(openid ? { openid, session_key: 'sk' } : { errcode: 40029, errmsg: 'invalid code' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls })));
}

describe('auth', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof fakeWechat>>;

  beforeAll(async () => {
    wechat = await fakeWechat({ 'code-officer1': 'openid-1', 'code-again': 'openid-1', 'code-stranger': 'openid-2', 'code-admin': 'openid-3' });
    t = await startTestApp('auth', { env: { WECHAT_API_BASE: wechat.base } });
    await seedTwoAgencies(t.dataSource);
    // The wrong passwords below count against these for a while: start from none.
    await forgetLoginAttempts(t.app, { accounts: ['officer1', 'ghost', 'admin1'], addresses: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await t.close();
    wechat.server.close();
  });

  it('logs in with a password and knows who is calling', async () => {
    const login = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer1', password: 'demo1234' } });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual({ id: expect.any(Number), username: 'officer1', role: 'officer', displayName: 'officer1', agencyId: 'A1', officerId: 'O1' });
    const me = await call(t.app, 'GET', '/api/auth/me', { token: login.body.token });
    expect(me.body.username).toBe('officer1');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer1', password: 'nope' } });
    const unknown = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'ghost', password: 'nope' } });
    expect(wrong).toEqual({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '账号或密码不正确' } } });
    expect(unknown).toEqual(wrong);
  });

  it('validates the login body field by field and refuses unknown fields', async () => {
    const answer = await call(t.app, 'POST', '/api/auth/login', { body: { username: '', role: 'supervisor' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(answer.body.error.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['password', 'role', 'username']);
  });

  it('refuses forged and foreign tokens', async () => {
    const token = (await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer1', password: 'demo1234' } })).body.token as string;
    const [header, payload] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), user: { role: 'supervisor' } })).toString('base64url');
    expect((await call(t.app, 'GET', '/api/auth/me', { token: `${header}.${forged}.${token.split('.')[2]}` })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/me', { token: 'not-a-token' })).status).toBe(401);
  });

  it('binds an officer to WeChat on first login, then logs in by code alone', async () => {
    const first = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'code-officer1' } });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('WECHAT_UNBOUND');

    const bind = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'code-officer1', username: 'officer1', password: 'demo1234' } });
    expect(bind.status).toBe(200);
    expect(bind.body.user.officerId).toBe('O1');
    expect(wechat.calls.at(-1)?.get('appid')).toBe('wx-test-app');
    expect(wechat.calls.at(-1)?.get('grant_type')).toBe('authorization_code');

    const again = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'code-again' } });
    expect(again.status).toBe(200);
    expect(again.body.user.username).toBe('officer1');
  });

  it('will not bind a second WeChat to the same officer, nor WeChat to a console login', async () => {
    const stranger = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'code-stranger', username: 'officer1', password: 'demo1234' } });
    expect(stranger.status).toBe(409);
    const admin = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'code-admin', username: 'admin1', password: 'demo1234' } });
    expect(admin.status).toBe(403);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM users WHERE wechat_openid IS NOT NULL');
    expect(Number(n)).toBe(1);
  });

  it('answers an invalid WeChat code with 401', async () => {
    const answer = await call(t.app, 'POST', '/api/auth/wechat', { body: { code: 'bogus' } });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('INVALID_CREDENTIALS');
  });
});
