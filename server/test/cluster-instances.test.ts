/**
 * Several API/worker instances on one database and one Redis, as deploy/cluster runs them: the
 * migrations run once however many instances start together, the nightly report is computed once,
 * a transaction rolled back by a deadlock is run again, and every table suits Galera (an InnoDB
 * table with a primary key, which row-based replication needs to apply a write set).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays } from '@mashang/shared';
import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/infra/config/config.js';
import { Transactions } from '../src/infra/database/tx.js';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { migrateOnce, openDatabase } from '../src/database.js';
import { previousShanghaiDay } from '../src/modules/analytics/shanghai-days.js';
import { call, createTestDatabase, login, TEST_PHONE_KEY } from './support/test-app.js';
import { seedTwoAgencies } from './support/fixtures.js';

const INSTANCES = 3;
let config: AppConfig;
let apps: NestFastifyApplication[] = [];
let dataSource: DataSource;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  config = loadConfig({
    DATABASE_URL: await createTestDatabase('cluster_instances'),
    REDIS_URL: process.env.REDIS_URL,
    JWT_SECRET: 'test-secret-test-secret-test-secret-000',
    PHONE_ENCRYPTION_KEY: TEST_PHONE_KEY,
    MIGRATE_ON_START: 'false',
    H5_DIR: '',
    LOG_LEVEL: 'error',
  });
  // One queue namespace for every instance, as they share one Redis in production.
  process.env.BULL_PREFIX = `test-cluster-instances-${process.pid}`;
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await dataSource?.destroy();
});

describe('instances starting together', () => {
  it('run the migrations once: one instance migrates while the others wait, then find nothing pending', async () => {
    const waited: number[] = [];
    const logger = (i: number) => ({ log: () => waited.push(i), warn: () => undefined });
    await Promise.all(Array.from({ length: INSTANCES }, (_, i) => migrateOnce(config.databaseUrl, config.redis, logger(i) as never)));
    expect(new Set(waited).size).toBe(INSTANCES - 1);
    dataSource = await openDatabase(config.databaseUrl, { poolSize: 4 });
    const applied: { name: string; n: string }[] = await dataSource.query('SELECT name, COUNT(*) AS n FROM schema_migrations GROUP BY name');
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(applied.every((m) => Number(m.n) === 1)).toBe(true);
  });

  it('leave every table InnoDB with a primary key, as Galera needs', async () => {
    // Two plain reads, each of this schema only: information_schema answers those without opening every table of the server.
    const [{ schema }] = await dataSource.query('SELECT DATABASE() AS `schema`');
    const tables: { name: string; engine: string }[] = await dataSource.query(
      "SELECT TABLE_NAME AS name, ENGINE AS engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [schema],
    );
    const keyed: { name: string }[] = await dataSource.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE = 'PRIMARY KEY'", [schema],
    );
    const withKey = new Set(keyed.map((k) => k.name));
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => !withKey.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.engine !== 'InnoDB').map((t) => t.name)).toEqual([]);
  });
});

describe('the nightly report across instances', () => {
  let queues: Queue[];
  const D = previousShanghaiDay(Date.now());

  beforeAll(async () => {
    await seedTwoAgencies(dataSource);
    for (let i = 0; i < INSTANCES; i += 1) {
      const app = await createApp(config);
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      apps.push(app);
    }
    queues = apps.map((app) => app.get<Queue>(getQueueToken(QueueName.Analytics)));
  });

  const runRow = async (asOf: string) => (await dataSource.query('SELECT * FROM anomaly_runs WHERE as_of = ?', [asOf]))[0];
  const completedReports = async () => (await queues[0].getCompleted()).filter((job) => job.name === JobName.AnomalyReport);

  it('is one repeatable job, however many instances scheduled it', async () => {
    for (const queue of queues) {
      const nightly = (await queue.getRepeatableJobs()).filter((r) => r.name === JobName.AnomalyNightly);
      expect(nightly).toEqual([expect.objectContaining({ cron: '0 2 * * *', tz: 'Asia/Shanghai' })]);
    }
  });

  it('computes a night once when every instance queues its tick (the repeat job id is the same)', async () => {
    // Each instance's Bull adds the next tick of a repeatable job under the job id the repeat key and
    // the fire time make: the same for all. Here they add it at once, as at 02:00.
    const tickId = `repeat:nightly-for-test:${Date.now()}`;
    await Promise.all(queues.map((queue) => queue.add(JobName.AnomalyNightly, {}, { jobId: tickId })));
    const run = await waitFor(`report ${D}`, async () => ((await runRow(D))?.status === 'completed' ? runRow(D) : null));
    expect(run).toMatchObject({ status: 'completed', attempts: 1, requested_by: 'system:nightly-report' });
    expect((await completedReports()).map((job) => job.id)).toEqual([`anomaly-report:${D}`]);
    const ticks = (await queues[0].getCompleted()).filter((job) => job.name === JobName.AnomalyNightly);
    expect(ticks).toHaveLength(1);
  });

  it('computes a date once when supervisors on every instance ask for it at once', async () => {
    const asOf = addDays(D, -1);
    const tokens = await Promise.all(apps.map((app) => login(app, 'supervisor')));
    const answers = await Promise.all(apps.map((app, i) => call(app, 'POST', '/api/anomaly/runs', { token: tokens[i], body: { asOf } })));
    expect(answers.map((a) => a.status)).toEqual(apps.map(() => 202));
    const run = await waitFor(`report ${asOf}`, async () => ((await runRow(asOf))?.status === 'completed' ? runRow(asOf) : null));
    expect(run).toMatchObject({ attempts: 1 });
    expect((await completedReports()).map((job) => job.id).sort()).toEqual([`anomaly-report:${asOf}`, `anomaly-report:${D}`]);
  });
});

describe('a transaction that loses a deadlock', () => {
  it('is run again and both writers finish', async () => {
    const transactions = apps[0].get(Transactions);
    const db = apps[0].get<DataSource>(getDataSourceToken());
    await db.query("INSERT INTO agencies (id, name, kind, region) VALUES ('DL1', '甲', 'market', '410202'), ('DL2', '乙', 'market', '410202')");
    let runs = 0;
    // Each locks one row, waits until the other has locked the other, then wants it: one of them is the victim.
    let bothLocked: () => void;
    const met = new Promise<void>((resolve) => (bothLocked = resolve));
    let locked = 0;
    const writer = (first: string, second: string, name: string) => transactions.run(async (tx) => {
      runs += 1;
      await tx.query('SELECT id FROM agencies WHERE id = ? FOR UPDATE', [first]);
      if (++locked === 2) bothLocked();
      await Promise.race([met, new Promise((r) => setTimeout(r, 2_000))]);
      await tx.query('UPDATE agencies SET name = ? WHERE id = ?', [name, second]);
    });
    await Promise.all([writer('DL1', 'DL2', '乙改'), writer('DL2', 'DL1', '甲改')]);
    expect(runs).toBe(3);
    const names: { id: string; name: string }[] = await db.query("SELECT id, name FROM agencies WHERE id IN ('DL1', 'DL2') ORDER BY id");
    expect(names).toEqual([{ id: 'DL1', name: '甲改' }, { id: 'DL2', name: '乙改' }]);
  });
});
