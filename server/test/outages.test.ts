import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { createApp } from '../src/app.factory.js';
import { within } from '../src/infra/errors/unavailable.js';
import { QueueName } from '../src/infra/queues/queues.js';
import { aliyunEnv, eventually, FakeSmsProvider } from './evaluation-fakes.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { freePort, PrivateMariadb, PrivateRedis } from './support/private-services.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MF000001');
const SITE = buildCreditCode('91410202', 'MF000002');
const STALL = buildCreditCode('92410202', 'MF000003');
const PHONE = '13900000001';
const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails instead of hanging: the outage must not make a request wait (the issue saw more than 30 s). */
const answered = <T>(request: Promise<T>) => within(request, 10_000, () => new Error('the request hung'));

/**
 * Faults on one machine: the app on a Redis and a MariaDB of the test's own, each killed (SIGKILL) and
 * started again on the same port and data while the app keeps running.
 */
describe('outages of Redis and of the database', () => {
  let t: TestApp;
  let redis: PrivateRedis;
  let db: PrivateMariadb;
  let fake: FakeSmsProvider;
  let officer1 = '';
  let shopPlan = '';
  let emergencyPlan = '';
  let late: NestFastifyApplication | null = null;

  const sentTo = (phone: string) => fake.accepted.filter((a) => a.phone === phone);
  const waitingJobs = async () => (await t.dataSource.query('SELECT job_name FROM job_outbox WHERE relayed_at IS NULL ORDER BY id')).map((r: { job_name: string }) => r.job_name);

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(process.env.FAULT_REDIS_PORT));
    db = new PrivateMariadb(await freePort(process.env.FAULT_DB_PORT));
    await Promise.all([redis.start(), db.start()]);
    const admin = await import('mysql2/promise').then((m) => m.createConnection(db.url()));
    await admin.query('CREATE DATABASE outages CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('outages', {
      databaseUrl: db.url('outages'),
      env: { REDIS_URL: redis.url, ...aliyunEnv(fake.url), SMS_RETRY_DELAY: '200ms', SMS_TIMEOUT: '1s', RATING_REMINDER_DELAY: 'off' },
    });
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条')");
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '化工仓库', 'chemical', '410204', 'C', NULL), (?, '早点摊', 'catering', '410204', 'C', NULL)",
      [SHOP, testPhoneCipher().encrypt(PHONE), SITE, STALL],
    );
    officer1 = await login(t.app, 'officer1');
    // A complaint (green channel) may be inspected today: filed, coded, checked into, its one item recorded.
    const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SHOP, date: shanghaiDate(new Date()), trigger: 'complaint', reason: '群众投诉后厨卫生', officerIds: ['O1'], itemIds: ['I1'] } });
    shopPlan = filed.body.id;
    expect((await call(t.app, 'POST', `/api/plans/${shopPlan}/code`, { token: officer1 })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: SHOP, clientKey: key('ci') } })).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/onsite/inspections/${shopPlan}/findings`, { token: officer1, body: { itemId: 'I1', outcome: 'pass', clientKey: key('f') } })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await late?.close();
    await t?.close();
    await fake?.close();
    await Promise.all([redis?.remove(), db?.remove()]);
  });

  it('without Redis: health degraded, logins work, finishing and an emergency check-in answer at once; the invite goes out once Redis is back, exactly once', async () => {
    await redis.kill();
    expect(await answered(call(t.app, 'GET', '/api/health'))).toEqual({
      status: 200, body: { status: 'degraded', database: 'up', redis: 'down', jobOutbox: { pending: 0, oldestSeconds: null } },
    });
    // Logins are throttled in this process meanwhile: a wrong password is still refused, the right one let in.
    expect((await answered(call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer2', password: 'wrong-password' } }))).status).toBe(401);
    expect(await answered(login(t.app, 'officer2'))).toEqual(expect.any(String));
    // A process started meanwhile (one replacing a process that died) serves as well.
    const started = await within(createApp(t.config).then(async (app) => {
      late = app;
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      return app;
    }), 30_000, () => new Error('start-up waited for Redis'));
    expect(await answered(call(started, 'GET', '/api/health'))).toMatchObject({ status: 200, body: { database: 'up', redis: 'down' } });
    expect(await answered(login(started, 'officer1'))).toEqual(expect.any(String));

    const finished = await answered(call(t.app, 'POST', `/api/onsite/inspections/${shopPlan}/finish`, { token: officer1, body: { clientKey: key('fin') } }));
    expect(finished).toMatchObject({ status: 200, body: { status: 'finished' } });
    const emergency = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: SITE, date: shanghaiDate(new Date()), trigger: 'emergency', reason: '危化品泄漏', officerIds: ['O1'], itemIds: ['I1'] } });
    emergencyPlan = emergency.body.id;
    const checkIn = await answered(call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: SITE, clientKey: key('ci') } }));
    expect(checkIn).toMatchObject({ status: 200, body: { coded: false, codeDueAt: expect.any(String) } });

    // Both jobs wait in the outbox, committed with their writes; health shows them.
    expect(await waitingJobs()).toEqual(['inspection-finished', 'emergency-code-deadline']);
    expect((await call(t.app, 'GET', '/api/health')).body.jobOutbox).toEqual({ pending: 2, oldestSeconds: expect.any(Number) });
    await pause(1500);
    expect(fake.accepted).toEqual([]);

    await redis.start();
    await eventually(() => sentTo(PHONE).length > 0, 60_000, 'the invite SMS after Redis is back');
    await eventually(async () => (await waitingJobs()).length === 0, 30_000, 'the outbox relayed');
    const deadline = await eventually(() => t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false }).getJob(`emergency-code:${emergencyPlan}`), 10_000, 'the deadline job');
    expect(await deadline.getState()).toBe('delayed');
    // Time for a second send, should anything be relayed or run twice: there is none.
    await pause(3000);
    expect(sentTo(PHONE)).toHaveLength(1);
    expect(await t.dataSource.query("SELECT kind, status FROM sms_messages")).toEqual([{ kind: 'invite', status: 'accepted' }]);
    expect(await t.dataSource.query('SELECT job_id FROM job_outbox ORDER BY id')).toEqual([
      { job_id: `finished:${shopPlan}` }, { job_id: `emergency-code:${emergencyPlan}` }, { job_id: expect.stringMatching(/^sms:/) },
    ]);
    expect((await call(t.app, 'GET', '/api/health')).body).toMatchObject({ status: 'ok', redis: 'up' });
  }, 150_000);

  it('without the database: 503 with Retry-After in the one error shape; once it is back the same app serves again', async () => {
    const stall = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: STALL, date: shanghaiDate(new Date()), trigger: 'complaint', reason: '群众投诉', officerIds: ['O1'], itemIds: ['I1'] } });
    expect((await call(t.app, 'POST', `/api/plans/${stall.body.id}/code`, { token: officer1 })).status).toBe(200);
    await db.kill();
    const today = await answered(t.app.inject({ method: 'GET', url: '/api/onsite/today', headers: { authorization: `Bearer ${officer1}` } }));
    expect(today.statusCode).toBe(503);
    expect(today.headers['retry-after']).toBe('5');
    expect(JSON.parse(today.body)).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    // The phone's offline queue fails as a whole (it keeps its actions and tries again), not action by action.
    const actions = [{ type: 'finding', planId: emergencyPlan, clientKey: key('f'), body: { itemId: 'I1', outcome: 'pass' } }];
    expect(await answered(call(t.app, 'POST', '/api/onsite/sync', { token: officer1, body: { actions } }))).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
    // Tried again and again through the outage: attempts not judged do not count towards a lock.
    for (let i = 0; i < 12; i += 1) expect((await answered(call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer2', password: 'demo1234' } }))).status).toBe(503);
    expect(await answered(call(t.app, 'GET', '/api/health'))).toEqual({ status: 503, body: { status: 'degraded', database: 'down', redis: 'up', jobOutbox: null } });

    await db.start();
    await eventually(async () => (await call(t.app, 'GET', '/api/onsite/today', { token: officer1 })).status === 200, 30_000, 'the pool to reconnect');
    expect(await call(t.app, 'POST', '/api/onsite/sync', { token: officer1, body: { actions } })).toMatchObject({ status: 200, body: { results: [{ status: 'applied' }] } });
    // Check-ins write through a pool of their own: it reconnects too.
    expect(await call(t.app, 'POST', '/api/onsite/check-in', { token: officer1, body: { creditCode: STALL, clientKey: key('ci') } })).toMatchObject({ status: 200, body: { id: stall.body.id } });
    expect((await call(t.app, 'POST', '/api/auth/login', { body: { username: 'officer2', password: 'demo1234' } })).status).toBe(200);
    expect(await call(t.app, 'GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 120_000);
});
