import { API_POLICY, PAGE_POLICY } from '../src/infra/http/security-headers.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { login, startTestApp, type TestApp } from './support/test-app.js';

/** Real requests: every kind of answer carries the security headers, and no origin is let in by CORS. */
describe('security headers on real answers', () => {
  let t: TestApp;
  let token = '';

  beforeAll(async () => {
    t = await startTestApp('security_headers', { env: { PUBLIC_BASE_URL: 'https://ruqi.example.gov.cn' } });
    await seedTwoAgencies(t.dataSource);
    token = await login(t.app, 'supervisor');
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const COMMON = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'strict-transport-security': 'max-age=31536000' };

  it('on API answers, errors included, and on redirects, docs and malformed addresses', async () => {
    const answers = {
      data: await get('/api/registry/agencies', { authorization: `Bearer ${token}` }),
      refused: await get('/api/registry/agencies'),
      unknown: await get('/api/nothing-here'),
      malformed: await get('/api/%'),
      docs: await get('/api/docs'),
      shortLink: await get('/r'),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.statusCode]))).toEqual({ data: 200, refused: 401, unknown: 404, malformed: 400, docs: 200, shortLink: 302 });
    for (const answer of [answers.data, answers.refused, answers.unknown]) expect(answer.headers).toMatchObject({ ...COMMON, 'content-security-policy': API_POLICY });
    for (const answer of [answers.malformed, answers.docs, answers.shortLink]) expect(answer.headers).toMatchObject(COMMON);
    expect(answers.docs.headers['content-security-policy']).toBe(PAGE_POLICY);
  });

  it('keeps CORS closed: no other origin is allowed, not even asked politely', async () => {
    const simple = await get('/api/health', { origin: 'https://evil.example' });
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    for (const answer of [simple, preflight]) {
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  (process.env.H5_DIR ? it : it.skip)('on the H5 files, whose page runs no inline script', async () => {
    const page = await get('/h5/');
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({ ...COMMON, 'content-security-policy': PAGE_POLICY });
    // Every script of the page is a file of the build (Taro's root font-size script included).
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(1);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/h5\/js\/[^"]+\.js"/);
      expect(body).toBe('');
    }
    const file = await get(scripts[0][1].match(/src="([^"]+)"/)![1]);
    expect(file.statusCode).toBe(200);
    expect(file.headers).toMatchObject({ ...COMMON, 'content-type': expect.stringContaining('javascript') });
  });
});
