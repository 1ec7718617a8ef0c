import { randomInt } from 'node:crypto';
import { buildCreditCode, RATING_CODE_ALPHABET } from '@mashang/shared';
import type { Redis } from 'ioredis';
import { REDIS } from '../src/infra/redis/redis.module.js';
import { credentialHash } from '../src/modules/evaluation/rating-token.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Wrong rating codes, counted per client address (the socket's, no proxy configured) and per half of the code. */
describe('rating-code limits without a trusted proxy', () => {
  let t: TestApp;
  let redis: Redis;
  const SHOP = buildCreditCode('92410202', 'MD000001');
  // Fresh codes each run: a half's counter outlives a run by its window.
  const randomCode = () => Array.from({ length: 8 }, () => RATING_CODE_ALPHABET[randomInt(RATING_CODE_ALPHABET.length)]).join('');
  const right = randomCode();
  const otherHalf = (code: string, half: 0 | 1) => {
    let other = code;
    while (other.slice(half * 4, half * 4 + 4) === code.slice(half * 4, half * 4 + 4)) other = randomCode();
    return half === 0 ? other.slice(0, 4) + code.slice(4) : code.slice(0, 4) + other.slice(4);
  };

  const open = (code: string, remoteAddress: string, forwardedFor?: string) => t.app.inject({
    method: 'GET',
    url: `/api/ratings/invites/${code}`,
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  const error = (answer: { body: string }) => JSON.parse(answer.body).error as { code: string; message: string };

  beforeAll(async () => {
    t = await startTestApp('rating_code_limits');
    redis = t.app.get<Redis>(REDIS);
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '老王烩面馆', 'catering', '410204', 'B')", [SHOP]);
    await t.dataSource.query(
      "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X1', 'A1', ?, 'planned', NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY, 1, 'pass')",
      [SHOP],
    );
    await addInspectionOfficer(t.dataSource, 'X1', 'O1');
    await t.dataSource.query(
      "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV1', 'X1', ?, NULL, 'code', ?, ?, CURDATE(), NOW(), NOW() + INTERVAL 7 DAY)",
      [SHOP, credentialHash({ kind: 'link', token: 'Zk3q9LmN0pQrStUvWxYz34' }), credentialHash({ kind: 'code', code: right })],
    );
    await t.dataSource.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV1', 'X1', 'A1', 0)");
    await redis.del(['198.51.100.7', ...Array.from({ length: 30 }, (_, i) => `203.0.113.${i + 1}`)].map((ip) => `rating-code-failures:${ip}`));
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For from a client: a forged address per try does not reset the limit', async () => {
    for (let i = 1; i <= 10; i += 1) {
      const answer = await open(randomCode(), '198.51.100.7', `192.0.2.${i}`);
      expect({ status: answer.statusCode, code: error(answer).code }).toEqual({ status: 404, code: 'CODE_INVALID' });
    }
    const locked = await open(right, '198.51.100.7', '192.0.2.99');
    expect(locked.statusCode).toBe(429);
    expect(error(locked).message).toContain('评价码输错次数太多');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('locks a code out when many addresses get its other half wrong, the right code too, with a short lock and plain words', async () => {
    // Twenty addresses, one try each, all knowing the right first half.
    for (let i = 1; i <= 20; i += 1) {
      expect((await open(otherHalf(right, 1), `203.0.113.${i}`)).statusCode).toBe(404);
    }
    const locked = await open(right, '203.0.113.21');
    expect(locked.statusCode).toBe(429);
    expect(error(locked)).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('这个评价码近期被多次输错，为防止他人冒用已暂时锁定，请5分钟后再试') });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    // A code that shares neither half is judged as usual.
    expect((await open(randomCode(), '203.0.113.22')).statusCode).toBe(404);
    // The lock ends with its window: the enterprise's own code opens again.
    await redis.del(`rating-code-failures:first-half:${right.slice(0, 4)}`);
    expect((await open(right, '203.0.113.21')).statusCode).toBe(200);
  });
});
