import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, forgetLoginAttempts, login, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Sessions end before their token expires: logout, a password change, deactivation. A second app on the
 * same database and Redis stands for another server process, which hears of it through Redis.
 */
describe('revocable sessions', () => {
  let t: TestApp;
  let other: NestFastifyApplication;

  const me = (app: NestFastifyApplication, token: string) => call(app, 'GET', '/api/auth/me', { token });
  /** The other process hears within moments: far sooner than its cache would lapse (10 s). */
  async function refusedWithin(app: NestFastifyApplication, token: string, ms = 2_000): Promise<number> {
    const start = Date.now();
    while ((await me(app, token)).status !== 401) {
      if (Date.now() - start > ms) throw new Error(`still accepted after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - start;
  }

  beforeAll(async () => {
    t = await startTestApp('sessions');
    await seedTwoAgencies(t.dataSource);
    await forgetLoginAttempts(t.app, { accounts: ['officer1', 'officer2', 'admin1', 'supervisor'], addresses: ['127.0.0.1'] });
    other = await createApp(t.config);
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('logout ends that session at once, in every server process; the account\'s other sessions go on', async () => {
    const phone = await login(t.app, 'officer1');
    const desk = await login(t.app, 'officer1');
    expect((await me(other, phone)).status).toBe(200);
    expect((await me(t.app, phone)).status).toBe(200);

    expect((await call(t.app, 'POST', '/api/auth/logout', { token: phone, body: {} })).status).toBe(204);
    expect(await me(t.app, phone)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('请重新登录') } } });
    expect(await refusedWithin(other, phone)).toBeLessThan(2_000);
    expect((await me(t.app, desk)).status).toBe(200);
    expect((await me(other, desk)).status).toBe(200);
  });

  it('a password change ends the account\'s other sessions at once and keeps the one that made it', async () => {
    const here = await login(t.app, 'officer2');
    const elsewhere = await login(t.app, 'officer2');
    expect((await me(other, elsewhere)).status).toBe(200);

    // A wrong current password is a mistake in the form, not a lost session.
    const wrong = await call(t.app, 'POST', '/api/auth/password', { token: here, body: { currentPassword: 'nope', newPassword: 'n3w-secret' } });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', fields: [{ field: 'currentPassword', reason: '原密码不正确' }] } } });
    const short = await call(t.app, 'POST', '/api/auth/password', { token: here, body: { currentPassword: 'demo1234', newPassword: 'short' } });
    expect(short).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'newPassword', reason: '新密码应为8到200个字符' }] } } });

    expect((await call(t.app, 'POST', '/api/auth/password', { token: here, body: { currentPassword: 'demo1234', newPassword: 'n3w-secret' } })).status).toBe(204);
    expect((await me(t.app, here)).status).toBe(200);
    expect((await me(t.app, elsewhere)).status).toBe(401);
    await refusedWithin(other, elsewhere);
    expect((await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer2', password: 'demo1234' } })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer2', password: 'n3w-secret' } })).status).toBe(200);
  });

  it('deactivation ends every session of the account at once; it cannot sign in until reactivated, and its old tokens stay refused', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const admin = await login(t.app, 'admin1');
    expect((await me(other, admin)).status).toBe(200);
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'admin1'");

    const off = await call(t.app, 'PATCH', `/api/users/${id}`, { token: supervisor, body: { active: false } });
    expect(off).toEqual({ status: 200, body: { id, username: 'admin1', role: 'agency-admin', displayName: 'admin1', agencyId: 'A1', officerId: null, active: false } });
    expect((await me(t.app, admin)).status).toBe(401);
    await refusedWithin(other, admin);
    const refused = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'admin1', password: 'demo1234' } });
    expect(refused).toEqual({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '账号或密码不正确' } } });

    expect((await call(t.app, 'PATCH', `/api/users/${id}`, { token: supervisor, body: { active: true } })).body.active).toBe(true);
    expect((await me(t.app, await login(t.app, 'admin1'))).status).toBe(200);
    expect((await me(t.app, admin)).status).toBe(401);
  });

  it('refuses bad input, unknown accounts, and a supervisor deactivating their own account', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'supervisor'");
    expect((await call(t.app, 'PATCH', `/api/users/${id}`, { token: supervisor, body: { active: false } }))).toMatchObject({ status: 409, body: { error: { message: '不能停用自己正在使用的账号' } } });
    expect((await call(t.app, 'PATCH', '/api/users/999999', { token: supervisor, body: { active: false } })).status).toBe(404);
    expect((await call(t.app, 'PATCH', '/api/users/abc', { token: supervisor, body: { active: false } })).status).toBe(400);
    expect((await call(t.app, 'PATCH', `/api/users/${id}`, { token: supervisor, body: { active: 'no' } })).status).toBe(400);
    expect((await me(t.app, supervisor)).status).toBe(200);
  });

  it('refuses a validly signed token that names no session', async () => {
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'officer1'");
    const user = { id, username: 'officer1', role: 'officer', displayName: 'officer1', agencyId: 'A1', officerId: 'O1' };
    const sessionless = await t.app.get(JwtService).signAsync({ user }, { subject: String(id) });
    const unknown = await t.app.get(JwtService).signAsync({ user }, { subject: String(id), jwtid: 'no-such-session' });
    expect((await me(t.app, sessionless)).status).toBe(401);
    expect((await me(t.app, unknown)).status).toBe(401);
  });
});
