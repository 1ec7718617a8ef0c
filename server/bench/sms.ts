/**
 * bench/sms: 100,000 SMS rating invites through the real sender (Bull queue, Aliyun or Tencent SDK,
 * the recording transactions with trail entries) into a loopback fake of the provider, next to raw
 * Bull throughput (empty jobs, same concurrency) on the same Redis in the same run. Counts lost and
 * doubled messages at the fake.
 *
 *   npm run bench:sms -w server -- [--invites 100000] [--provider aliyun|tencent] [--concurrency 500]
 *
 * Needs DATABASE_URL (a user that may create databases) and REDIS_URL. The fake provider runs in a
 * worker thread, as a provider is another machine.
 */
import 'reflect-metadata';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import Bull from 'bull';
import { FakeSmsProvider, type FakeKind } from '../test/evaluation-fakes.js';

if (!isMainThread) {
  // ---- the fake provider's thread: reports when `expected` distinct messages have arrived
  const kind = process.env.BENCH_SMS_PROVIDER as FakeKind;
  const fake = new FakeSmsProvider(kind);
  const url = await fake.start();
  let expected = Infinity;
  const timer = setInterval(() => {
    if (fake.accepted.length >= expected) report();
  }, 5);
  const report = () => {
    clearInterval(timer);
    const perPhone = new Map<string, number>();
    for (const a of fake.accepted) perPhone.set(a.phone, (perPhone.get(a.phone) ?? 0) + 1);
    parentPort!.postMessage({ done: true, at: Date.now(), phones: [...perPhone.entries()], requests: fake.requests });
  };
  parentPort!.on('message', (message: { expect?: number; finish?: boolean }) => {
    if (message.expect !== undefined) expected = message.expect;
    if (message.finish) report();
  });
  parentPort!.postMessage({ url });
} else {
  await main();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
  const invites = Number(arg('invites', '100000'));
  const provider = arg('provider', 'aliyun') as FakeKind;
  const concurrency = Number(arg('concurrency', '500'));
  const base = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!base || !redisUrl) throw new Error('set DATABASE_URL and REDIS_URL');
  if (!['aliyun', 'tencent'].includes(provider)) throw new Error('--provider must be aliyun or tencent');
  const runId = `${Date.now()}`;

  // ---- raw Bull: empty jobs, same Redis, same concurrency
  const raw = new Bull('bench-raw', redisUrl, { prefix: `bench-sms-${runId}` });
  const rawJobs = Array.from({ length: invites }, (_, i) => ({ name: 'empty', data: {}, opts: { jobId: `raw:${i}`, removeOnComplete: true } }));
  let rawDone = 0;
  const rawFinished = new Promise<void>((resolve) => raw.on('completed', () => ++rawDone === invites && resolve()));
  void raw.process('empty', concurrency, async () => undefined);
  let t = Date.now();
  for (let i = 0; i < invites; i += 1000) await raw.addBulk(rawJobs.slice(i, i + 1000));
  await rawFinished;
  const rawSeconds = (Date.now() - t) / 1000;
  await raw.obliterate({ force: true });
  await raw.close();
  console.log(`raw Bull: ${invites.toLocaleString()} empty jobs in ${rawSeconds.toFixed(1)} s = ${Math.round(invites / rawSeconds).toLocaleString()} jobs/s (concurrency ${concurrency})`);

  // ---- the fake provider, in its own thread
  const worker = new Worker(new URL(import.meta.url), { env: { ...process.env, BENCH_SMS_PROVIDER: provider } });
  const fakeUrl = await new Promise<string>((resolve) => worker.once('message', (m: { url: string }) => resolve(m.url)));

  // ---- the app: its sender, provider SDK and database, as in production
  const { loadConfig } = await import('../src/infra/config/config.js');
  const { createApp } = await import('../src/app.factory.js');
  const { recreateDatabase } = await import('../src/infra/database/data-source.js');
  const { PhoneCipher } = await import('../src/infra/crypto/phone-cipher.js');
  const { singlePhoneKey } = await import('../src/infra/crypto/phone-keys.js');
  const { RatingInvitations, SmsSender } = await import('../src/modules/evaluation/index.js');
  const { getDataSourceToken } = await import('@nestjs/typeorm');
  const { buildCreditCode } = await import('@mashang/shared');
  type DataSource = import('typeorm').DataSource;

  const phoneKey = 'b7'.repeat(32);
  const providerEnv = provider === 'aliyun'
    ? { SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'bench', ALIYUN_SMS_ACCESS_KEY_SECRET: 'bench', ALIYUN_SMS_ENDPOINT: fakeUrl, SMS_MODE: 'link', SMS_CALLBACK_TOKEN: 'bench-callback-token' }
    : { SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'bench', TENCENT_SMS_SECRET_KEY: 'bench', TENCENT_SMS_SDK_APP_ID: '1400000000', TENCENT_SMS_ENDPOINT: fakeUrl, SMS_MODE: 'code', SMS_CALLBACK_TOKEN: 'bench-callback-token' };
  process.env.BULL_PREFIX = `bench-sms-${runId}`;
  const config = loadConfig({
    DATABASE_URL: await recreateDatabase(base, 'mashang_bench_sms'),
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    PHONE_ENCRYPTION_KEY: phoneKey,
    MIGRATE_ON_START: 'true',
    LOG_LEVEL: 'warn',
    H5_DIR: '',
    ...providerEnv,
    SMS_SIGN_NAME: '码上入企',
    SMS_TEMPLATE_INVITE: 'SMS_INVITE',
    SMS_TEMPLATE_REMINDER: 'SMS_REMIND',
    SMS_TEMPLATE_PENALTY_NOTICE: 'SMS_PENALTY',
    SMS_TEMPLATE_SIGN_IN: 'SMS_SIGN_IN',
    SMS_TEMPLATE_COMPLAINT_OUTCOME: 'SMS_COMPLAINT_OUTCOME',
    SMS_TEMPLATE_INSPECTION_NOTICE: 'SMS_INSPECTION_NOTICE',
    SMS_CONCURRENCY: String(concurrency),
    SMS_RATE_LIMIT: '1000000',
    RATING_REMINDER_DELAY: 'off',
  });
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());

  // ---- set-up, untimed: enterprises with phones, finished inspections, their invites
  t = Date.now();
  const phones = new PhoneCipher(singlePhoneKey(Buffer.from(phoneKey, 'hex')));
  const phoneOf = (i: number) => `13${String(i).padStart(9, '0')}`;
  await dataSource.query("INSERT INTO agencies (id, name, kind, region) VALUES ('A1', '市市场监督管理局', 'market', '410202')");
  await dataSource.query("INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('O1', 'A1', '张伟', '豫C0000001')");
  const invitations = app.get(RatingInvitations);
  const queued: { id: string; dueAt: Date }[] = [];
  for (let from = 0; from < invites; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, invites - from) }, (_, k) => from + k);
    const code = (i: number) => buildCreditCode('92410202', `B${String(i).padStart(7, '0')}`);
    await dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES ?", [rows.map((i) => [code(i), `商户${i}`, 'retail', '410202', phones.encrypt(phoneOf(i)), 'B'])]);
    await dataSource.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [
      rows.map((i) => [`I${i}`, 'A1', code(i), 'planned', null, new Date(), new Date(), true, new Date(), 'pass']),
    ]);
    await dataSource.query('INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) VALUES ?', [
      rows.map((i) => [`I${i}`, 'O1', 0, 'A1', code(i), new Date(), new Date()]),
    ]);
    queued.push(...await dataSource.transaction((manager) => invitations.createInvites(rows.map((i) => ({ groupId: `I${i}`, creditCode: code(i), inspectionIds: [`I${i}`], finishedAt: new Date().toISOString() })), new Date(), manager)));
  }
  console.log(`set-up: ${queued.length.toLocaleString()} invites in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // ---- timed: queue every invite, until the fake provider has them all
  const received = new Promise<{ at: number; phones: [string, number][]; requests: number }>((resolve) => worker.on('message', (m: { done?: boolean }) => m.done && resolve(m as never)));
  worker.postMessage({ expect: invites });
  const timeout = setTimeout(() => worker.postMessage({ finish: true }), 30 * 60_000);
  t = Date.now();
  await app.get(SmsSender).enqueue(queued);
  const enqueuedSeconds = (Date.now() - t) / 1000;
  const result = await received;
  clearTimeout(timeout);
  const smsSeconds = (result.at - t) / 1000;

  // Let the last recording transactions finish, then count what the fake got against what was sent.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && Number((await dataSource.query("SELECT COUNT(*) AS n FROM sms_messages WHERE status = 'queued'"))[0].n) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const counts = new Map(result.phones.map(([phone, n]) => [phone.replace(/^\+86/, ''), n]));
  let lost = 0;
  let doubled = 0;
  for (let i = 0; i < invites; i += 1) {
    const n = counts.get(phoneOf(i)) ?? 0;
    if (n === 0) lost += 1;
    if (n > 1) doubled += n - 1;
  }
  const [recorded] = await dataSource.query("SELECT COUNT(*) AS n FROM sms_messages WHERE status = 'accepted'");
  const [trail] = await dataSource.query("SELECT COUNT(*) AS n FROM inspection_trail WHERE kind = 'invited'");

  const smsRate = invites / smsSeconds;
  const rawRate = invites / rawSeconds;
  console.log(`SMS invites (${provider}): ${invites.toLocaleString()} in ${smsSeconds.toFixed(1)} s = ${Math.round(smsRate).toLocaleString()} SMS/s (queued in ${enqueuedSeconds.toFixed(1)} s; ${result.requests.toLocaleString()} provider requests; concurrency ${concurrency})`);
  console.log(`raw Bull:  ${Math.round(rawRate).toLocaleString()} jobs/s`);
  console.log(`ratio SMS / raw Bull: ${(smsRate / rawRate).toFixed(2)} (target ≥ 0.5)`);
  console.log(`lost: ${lost}, doubled: ${doubled} (target 0, 0); recorded accepted: ${recorded.n}, 'invited' trail entries: ${trail.n}`);

  await app.close();
  await worker.terminate();
  const { Redis } = await import('ioredis');
  // Drop this run's Bull keys.
  const cleaner = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await cleaner.scan(cursor, 'MATCH', `bench-sms-${runId}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await cleaner.del(...keys);
  } while (cursor !== '0');
  cleaner.disconnect();
  process.exit(lost === 0 && doubled === 0 ? 0 : 1);
}
