import { availableParallelism } from 'node:os';
import { loadConfig, ConfigError } from '../src/infra/config/config.js';
import { call, startTestApp, type TestApp } from './support/test-app.js';

describe('platform: health, OpenAPI, error shape, configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('platform');
  });
  afterAll(() => t.close());

  it('reports the database and Redis as up, and no job waiting to be queued', async () => {
    const answer = await call(t.app, 'GET', '/api/health');
    expect(answer).toEqual({ status: 200, body: { status: 'ok', database: 'up', redis: 'up', jobOutbox: { pending: 0, oldestSeconds: null } } });
  });

  it('serves the OpenAPI document with the registry and auth routes', async () => {
    const answer = await call(t.app, 'GET', '/api/docs-json');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/registry/enterprises', '/api/health']));
  });

  it('answers unknown routes, missing tokens and bad JSON in the one error shape', async () => {
    expect(await call(t.app, 'GET', '/api/nowhere')).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: expect.any(String) } } });
    expect(await call(t.app, 'GET', '/api/registry/agencies')).toEqual({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    const badJson = await call(t.app, 'POST', '/api/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('BAD_REQUEST');
    // Refused by Fastify before any route: a malformed escape, an overlong path parameter.
    expect(await call(t.app, 'GET', '/api/codes/%ZZ')).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: '请求地址不正确' } } });
    expect(await call(t.app, 'GET', `/api/codes/${'x'.repeat(500)}`)).toEqual({ status: 414, body: { error: { code: 'BAD_REQUEST', message: '请求地址过长' } } });
  });

  it('refuses an oversized body with 413', async () => {
    const answer = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'x'.repeat(2_000_000), password: 'y' } });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lists every configuration problem at once and starts with none', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'postgres://x', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'short', PHONE_ENCRYPTION_KEY: 'zz', PORT: '99999', API_PROCESSES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^DATABASE_URL/),
      expect.stringMatching(/^PORT/),
      expect.stringMatching(/^API_PROCESSES/),
      expect.stringMatching(/^JWT_SECRET/),
      expect.stringMatching(/^PHONE_ENCRYPTION_KEY/),
    ]);
    const valid = { DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'j'.repeat(32), PHONE_ENCRYPTION_KEY: 'ab'.repeat(32) };
    expect(loadConfig(valid).apiProcesses).toBe(availableParallelism());
    expect(loadConfig({ ...valid, API_PROCESSES: '3' }).apiProcesses).toBe(3);
    expect(() => loadConfig({})).toThrow(/DATABASE_URL: required[\s\S]*REDIS_URL: required[\s\S]*JWT_SECRET: required/);
  });
});
