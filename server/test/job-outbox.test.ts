import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { createApp } from '../src/app.factory.js';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { JobOutbox, outboxJob } from '../src/modules/outbox/index.js';
import { JobOutboxRepository } from '../src/modules/outbox/job-outbox.repository.js';
import { OutboxRelay } from '../src/modules/outbox/outbox-relay.js';
import { eventually } from './evaluation-fakes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;

/** The job outbox's relay, in two server processes (two apps on one database and Redis). */
describe('the job outbox', () => {
  let t: TestApp;
  let other: NestFastifyApplication;
  let queue: Queue;
  const rows = () => t.dataSource.query('SELECT job_id, attempts, claim, relayed_at, last_error FROM job_outbox ORDER BY id');

  beforeAll(async () => {
    t = await startTestApp('job_outbox');
    other = await createApp(t.config);
    await other.init();
    queue = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('hands each job to Bull once, under its own id, while two relays race for the rows', async () => {
    // Deadline jobs a day away: Bull only holds them.
    const jobs = Array.from({ length: 600 }, (_, i) => outboxJob(JobName.EmergencyCodeDeadline, { planId: `P${i}`, checkedInAt: '2026-11-21T02:00:00.000Z', deadline: '2026-11-22T02:00:00.000Z' }, new Date(Date.now() + DAY)));
    await t.dataSource.transaction((tx) => t.app.get(JobOutbox).add(jobs, tx));
    other.get(OutboxRelay).wake();
    await eventually(async () => (await rows()).every((r: { relayed_at: Date | null }) => r.relayed_at !== null), 30_000, 'every row relayed');
    const relayed = await rows();
    expect(relayed).toHaveLength(600);
    // Each row was taken by exactly one round of one relay.
    expect(relayed.filter((r: { attempts: number; claim: string | null }) => Number(r.attempts) !== 1 || r.claim !== null)).toEqual([]);
    const delayed = await queue.getDelayed(0, -1);
    expect(delayed.map((j) => j.id).sort()).toEqual(jobs.map((_, i) => `emergency-code:P${i}`).sort());
    expect(delayed.every((j) => j.opts.delay! > DAY - 60_000)).toBe(true);
  });

  it('records a job once however often it is recorded, and relays one that a relay died holding once its lease runs out', async () => {
    const job = outboxJob(JobName.EmergencyCodeDeadline, { planId: 'PX', checkedInAt: '2026-11-21T02:00:00.000Z', deadline: '2026-11-22T02:00:00.000Z' }, new Date(Date.now() + DAY));
    const outbox = t.app.get(JobOutbox);
    // Held by a relay that died: the lease runs out in a second.
    await t.dataSource.transaction(async (tx) => {
      await outbox.add([job, job], tx);
      await tx.query("UPDATE job_outbox SET claim = 'dead-relay', attempts = 1, available_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL 1 SECOND) WHERE job_id = 'emergency-code:PX'");
    });
    expect((await rows()).filter((r: { job_id: string }) => r.job_id === 'emergency-code:PX')).toHaveLength(1);
    // It had queued the job before dying: queuing it again adds nothing.
    await queue.add(JobName.EmergencyCodeDeadline, job.payload, { jobId: 'emergency-code:PX', delay: DAY });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    t.app.get(OutboxRelay).wake();
    await eventually(async () => (await rows()).find((r: { job_id: string }) => r.job_id === 'emergency-code:PX').relayed_at !== null, 10_000, 'the row relayed');
    expect((await queue.getDelayed(0, -1)).filter((j) => j.id === 'emergency-code:PX')).toHaveLength(1);
  });

  it('brings a job the queue refuses back later, with why, without holding up the others', async () => {
    await t.dataSource.query("INSERT INTO job_outbox (job_name, job_id, payload, created_at, available_at) VALUES ('no-such-job', 'odd:1', '{}', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
    const next = outboxJob(JobName.EmergencyCodeDeadline, { planId: 'PY', checkedInAt: '2026-11-21T02:00:00.000Z', deadline: '2026-11-22T02:00:00.000Z' }, new Date(Date.now() + DAY));
    await t.dataSource.transaction((tx) => t.app.get(JobOutbox).add([next], tx));
    await eventually(async () => (await rows()).find((r: { job_id: string }) => r.job_id === 'emergency-code:PY').relayed_at !== null, 10_000, 'the good job relayed');
    // Put back for later than it was first due (measured against its own creation: on a busy machine the
    // retry's short wait may already have passed when this reads it).
    const [odd] = await t.dataSource.query("SELECT relayed_at, claim, last_error, available_at > created_at AS later FROM job_outbox WHERE job_id = 'odd:1'");
    expect(odd).toMatchObject({ relayed_at: null, claim: null, last_error: expect.any(String), later: 1 });
  });

  it('reports what waits, and forgets rows relayed more than a week ago', async () => {
    expect(await t.app.get(JobOutbox).backlog()).toEqual({ pending: 1, oldestSeconds: expect.any(Number) });
    await t.dataSource.query("UPDATE job_outbox SET relayed_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 8 DAY) WHERE job_id IN ('emergency-code:P0', 'emergency-code:P1')");
    expect(await new JobOutboxRepository(t.dataSource).purgeRelayed(7, 100)).toBe(2);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM job_outbox'))[0].n)).toBe(601);
  });
});
