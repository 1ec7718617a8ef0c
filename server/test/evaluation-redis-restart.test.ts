import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode } from '@mashang/shared';
import type { Queue } from 'bull';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { aliyunEnv, eventually, FakeSmsProvider } from './evaluation-fakes.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { freePort, PrivateRedis } from './support/private-services.js';
import { startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const INVITES = 60;
const phones = testPhoneCipher();

describe('SMS invites survive a Redis crash (kill -9) with AOF persistence', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(process.env.FAULT_REDIS_PORT));
    await redis.start();
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('evaluation_redis_restart', {
      env: {
        REDIS_URL: redis.url,
        ...aliyunEnv(fake.url),
        SMS_RETRY_DELAY: '200ms',
        SMS_TIMEOUT: '1s',
        // Slow enough that most invites are still queued when Redis dies.
        SMS_RATE_LIMIT: '10',
        SMS_CONCURRENCY: '4',
        RATING_REMINDER_DELAY: 'off',
      },
    });
    await seedTwoAgencies(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    await redis?.remove();
  });

  it('caps the SMS rate across processes with the queue\'s limiter, as configured', () => {
    const sms = t.app.get<Queue & { limiter?: { max: number; duration: number } }>(getQueueToken(QueueName.Sms), { strict: false });
    expect(sms.limiter).toEqual({ max: 10, duration: 1000 });
  });

  it('delivers every queued invite exactly once after Redis is killed and restarted', async () => {
    const inspections = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    const sms = t.app.get<Queue>(getQueueToken(QueueName.Sms), { strict: false });
    const phoneOf = (i: number) => `137${String(i).padStart(8, '0')}`;
    for (let i = 1; i <= INVITES; i += 1) {
      const creditCode = buildCreditCode('92410202', `MR${String(i).padStart(6, '0')}`);
      await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, ?, 'retail', '410204', ?, 'B')", [creditCode, `商户${i}`, phones.encrypt(phoneOf(i))]);
      await t.dataSource.query(
        "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES (?, 'A1', ?, 'planned', NULL, NOW(3), NOW(3), true, NOW(3), 'pass')",
        [`R${i}`, creditCode],
      );
      await inspections.add(JobName.InspectionFinished, { groupId: `R${i}`, creditCode, inspectionIds: [`R${i}`], finishedAt: new Date().toISOString() }, { jobId: `finished:R${i}` });
    }
    await eventually(async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM sms_messages'))[0].n) === INVITES, 30_000, 'all invites created');
    await eventually(() => fake.accepted.length >= 8, 30_000, 'the first SMS');
    const waiting = await sms.getJobCounts();

    await redis.kill();
    const deliveredAtCrash = fake.accepted.length;
    expect(deliveredAtCrash).toBeLessThan(INVITES);
    expect(waiting.waiting + waiting.delayed).toBeGreaterThan(20);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.start();

    await eventually(() => new Set(fake.accepted.map((a) => a.phone)).size === INVITES, 150_000, 'every invite delivered after the restart');
    // Give a job re-run after the crash the chance to send a second time: it must not.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const perPhone = new Map<string, number>();
    for (const a of fake.accepted) perPhone.set(a.phone, (perPhone.get(a.phone) ?? 0) + 1);
    expect([...perPhone.values()].filter((n) => n > 1)).toEqual([]);
    expect(perPhone.size).toBe(INVITES);
    expect([...perPhone.keys()].sort()).toEqual(Array.from({ length: INVITES }, (_, i) => phoneOf(i + 1)).sort());
    await eventually(async () => (await t.dataSource.query("SELECT COUNT(*) AS n FROM sms_messages WHERE status = 'accepted'"))[0].n === String(INVITES), 30_000, 'all recorded');
  }, 180_000);
});
