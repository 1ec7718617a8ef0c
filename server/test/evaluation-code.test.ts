import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode, normaliseRatingCode } from '@mashang/shared';
import type { Queue } from 'bull';
import type { Redis } from 'ioredis';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { REDIS } from '../src/infra/redis/redis.module.js';
import { CALLBACK_TOKEN, eventually, FakeSmsProvider, type AcceptedSms } from './evaluation-fakes.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { call, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const phones = testPhoneCipher();

/** Tencent Cloud in code mode: no link in any variable, a code typed on the fixed page, guessing rate-limited. */
describe('SMS evaluation (短信评价) with Tencent Cloud, code mode', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let inspections: Queue;
  let serial = 0;
  const ip = (n: number) => `198.51.100.${n}`;

  async function finish(phone: string): Promise<{ groupId: string }> {
    serial += 1;
    const creditCode = buildCreditCode('92410202', `MB${String(serial).padStart(6, '0')}`);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, ?, 'retail', '410204', ?, 'A')", [
      creditCode, `开封市鑫源超市${serial}号店`, phones.encrypt(phone),
    ]);
    const groupId = `C${serial}`;
    await t.dataSource.query(
      `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result)
       VALUES (?, 'A2', ?, 'complaint', NULL, '2026-04-01 02:00:00', '2026-04-01 03:00:00', true, '2026-03-30 00:00:00', 'rectify')`,
      [groupId, creditCode],
    );
    await addInspectionOfficer(t.dataSource, groupId, 'O2');
    await inspections.add(JobName.InspectionFinished, { groupId, creditCode, inspectionIds: [groupId], finishedAt: '2026-04-01T03:00:00.000Z' }, { jobId: `finished:${groupId}` });
    return { groupId };
  }

  const sentTo = (phone: string): AcceptedSms[] => fake.accepted.filter((a) => a.phone === `+86${phone}`);
  const messageOf = async (groupId: string) => (await t.dataSource.query(
    "SELECT m.* FROM sms_messages m JOIN rating_invites r ON r.id = m.invite_id WHERE r.group_id = ? AND m.kind = 'invite'", [groupId]))[0];
  const headers = (n: number) => ({ 'x-forwarded-for': ip(n) });

  beforeAll(async () => {
    fake = new FakeSmsProvider('tencent');
    await fake.start();
    t = await startTestApp('evaluation_code', {
      listen: true,
      env: {
        SMS_PROVIDER: 'tencent',
        SMS_MODE: 'code',
        TENCENT_SMS_SECRET_ID: 'test-secret-id',
        TENCENT_SMS_SECRET_KEY: 'test-secret-key',
        TENCENT_SMS_SDK_APP_ID: '1400000001',
        TENCENT_SMS_ENDPOINT: fake.url,
        SMS_SIGN_NAME: '码上入企',
        SMS_TEMPLATE_INVITE: '100001',
        SMS_TEMPLATE_REMINDER: '100002',
        SMS_TEMPLATE_PENALTY_NOTICE: '100003',
        SMS_TEMPLATE_SIGN_IN: '100013',
        SMS_TEMPLATE_COMPLAINT_OUTCOME: '100014',
        SMS_TEMPLATE_INSPECTION_NOTICE: '100015',
        SMS_TIMEOUT: '800ms',
        SMS_RETRY_DELAY: '100ms',
        SMS_CALLBACK_TOKEN: CALLBACK_TOKEN,
        RATING_REMINDER_DELAY: 'off',
        PUBLIC_BASE_URL: 'https://ruqi.example.gov.cn',
        // As behind nginx on the same host: the proxy names the client in X-Forwarded-For.
        TRUSTED_PROXIES: '127.0.0.1',
      },
    });
    await seedTwoAgencies(t.dataSource);
    inspections = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    // Wrong-code counters outlive a run by their window: start from none.
    await t.app.get<Redis>(REDIS).del([1, 2, 3].map((n) => `rating-code-failures:${ip(n)}`));
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  let code = '';

  it('sends the code and no link in the variables; the fixed page asks for the code', async () => {
    const { groupId } = await finish('13900000001');
    const [sms] = await eventually(() => sentTo('13900000001').length && sentTo('13900000001'));
    expect(sms).toMatchObject({ templateId: '100001', signName: '码上入企' });
    const [date, agency, formatted, until] = sms.params as string[];
    expect([date, agency]).toEqual(['4月1日', '市消防救援支队']);
    expect(formatted).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(until).toMatch(/^\d+月\d+日$/);
    expect((sms.params as string[]).join(' ')).not.toMatch(/https?:|\/r\//);
    code = normaliseRatingCode(formatted)!;
    await eventually(async () => (await messageOf(groupId))?.status === 'accepted');
    expect((await messageOf(groupId)).provider_message_id).toBe(sms.providerMessageId);
    expect(sms.messageId).toBe((await messageOf(groupId)).id);

    const page = await t.app.inject({ method: 'GET', url: '/r' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/h5/enterprise.html#/enterprise/pages/rate/index');
  });

  it('takes the code as a person types it and records the rating', async () => {
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const view = await call(t.app, 'GET', `/api/ratings/invites/${encodeURIComponent(typed)}`, { headers: headers(1) });
    expect(view).toMatchObject({ status: 200, body: { joint: false, inspectionDate: '2026-04-01', agencies: [{ agencyId: 'A2', name: '市消防救援支队', rated: false }] } });
    const rated = await call(t.app, 'POST', `/api/ratings/invites/${code}`, { headers: headers(1), body: { ratings: [{ agencyId: 'A2', language: 1, procedure: 1, manner: 1, fairness: 1, verdict: 'disapprove', flags: ['repeated'] }] } });
    expect(rated).toMatchObject({ status: 200, body: { remaining: 0 } });
    const [flag] = await t.dataSource.query('SELECT rule, severity FROM flagged_cases WHERE dedupe_key = ?', ['rating:C1:A2']);
    expect(flag).toEqual({ rule: 'disapprove', severity: 'high' });
    expect(await call(t.app, 'GET', `/api/ratings/invites/${code}`, { headers: headers(1) })).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('已经评价过') } } });
  });

  it('counts wrong codes per address in Redis and locks the address out after ten', async () => {
    const { groupId } = await finish('13900000002');
    const [sms] = await eventually(() => sentTo('13900000002').length && sentTo('13900000002'));
    const right = normaliseRatingCode((sms.params as string[])[2])!;
    await eventually(async () => (await messageOf(groupId))?.status === 'accepted');
    const wrong = right.startsWith('2') ? `3${right.slice(1)}` : `2${right.slice(1)}`;
    for (let i = 1; i <= 10; i += 1) {
      const answer = await call(t.app, 'GET', `/api/ratings/invites/${wrong}`, { headers: headers(2) });
      expect(answer).toMatchObject({ status: 404, body: { error: { code: 'CODE_INVALID', message: expect.stringContaining('评价码不正确') } } });
      if (i < 10) expect(answer.body.error.message).toContain(`还可以再试${10 - i}次`);
    }
    const locked = await call(t.app, 'GET', `/api/ratings/invites/${right}`, { headers: headers(2) });
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED', message: expect.stringContaining('分钟后再试') } } });
    expect((await call(t.app, 'POST', `/api/ratings/invites/${right}`, { headers: headers(2), body: { ratings: [{ agencyId: 'A2', language: 5, procedure: 5, manner: 5, fairness: 5, verdict: 'approve', flags: [] }] } })).status).toBe(429);
    // What a client writes into X-Forwarded-For itself stays left of what the proxy appends: still address 2.
    expect((await call(t.app, 'GET', `/api/ratings/invites/${right}`, { headers: { 'x-forwarded-for': `${ip(3)}, ${ip(2)}` } })).status).toBe(429);
    // Another address is not affected; links are not counted at all.
    expect((await call(t.app, 'GET', `/api/ratings/invites/${right}`, { headers: headers(3) })).status).toBe(200);
    expect(await t.dataSource.query("SELECT COUNT(*) AS n FROM ratings WHERE inspection_id = ?", [groupId])).toEqual([{ n: '0' }]);
  });

  it('retries 500s, timeouts and rate limits, ending with exactly one SMS; a bad number stops at once', async () => {
    const before = fake.requests;
    fake.answerNext('http500', 'hang', { code: 'LimitExceeded.PhoneNumberThirtySecondLimit' });
    const { groupId } = await finish('13900000003');
    await eventually(async () => (await messageOf(groupId))?.status === 'accepted', 30_000, 'the retried SMS');
    expect((await messageOf(groupId)).attempts).toBe(4);
    expect(fake.requests - before).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo('13900000003')).toHaveLength(1);

    fake.answerNext({ code: 'InvalidParameterValue.IncorrectPhoneNumber' });
    const bad = await finish('13900000004');
    await eventually(async () => (await messageOf(bad.groupId))?.status === 'failed');
    expect(await messageOf(bad.groupId)).toMatchObject({ attempts: 1, error_code: 'InvalidParameterValue.IncorrectPhoneNumber' });
  });

  it('takes Tencent status callbacks only with the configured token', async () => {
    expect((await fetch(`${t.url}/api/sms/receipts/tencent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).status).toBe(403);
    const posted = await fake.sendReceipts(`${t.url}/api/sms/receipts/tencent?token=${CALLBACK_TOKEN}`, false);
    expect(posted).toBe(fake.accepted.length);
    const message = await messageOf('C1');
    expect(message).toMatchObject({ status: 'undelivered', error_code: 'MK:0001', error_message: '空号' });
  });
});
