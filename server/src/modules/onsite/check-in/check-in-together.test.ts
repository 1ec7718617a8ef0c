import { Role, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { ScriptedTransaction, Statement } from '../../../infra/database/multi-statement-pool.js';
import { JobOutboxRepository } from '../../outbox/job-outbox.repository.js';
import { JobOutbox } from '../../outbox/index.js';
import type { OutboxRelay } from '../../outbox/outbox-relay.js';
import { PlanProgressRepository, type PlanMatchRow } from '../../plans/index.js';
import { EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { CheckinRepository } from '../checkin.repository.js';
import type { CheckInDto } from '../dto/onsite.dto.js';
import type { CheckinAttempt } from './check-in-matching.js';
import { CheckInTogether } from './check-in-together.js';

const SHOP = '92410202MA0004016A';
const DAY = '2026-11-21';
const AT = new Date('2026-11-21T02:00:00Z');
const officer = (id: number, officerId: string): SessionUser => ({ id, username: `officer${id}`, role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId });
const attempt = (user: SessionUser, clientKey: string): CheckinAttempt => ({
  user, officerId: user.officerId!, input: { creditCode: SHOP, clientKey } as CheckInDto, at: AT, day: DAY, now: AT,
});
const plan: PlanMatchRow = {
  id: 'P1', code: 'JH1', credit_code: SHOP, agency_id: 'A1', lead_plan_id: 'P1', inspection_date: DAY, trigger_type: 'planned', kind: 'inspection',
  filed_at: new Date('2026-11-10T00:00:00Z'), finished_at: null, checked_in_at: null, code_due_at: null,
  officer_id: 'O1', expires_at: new Date('2026-11-22T16:00:00Z'), trail_tail: '2 ab12',
};

/** A scripted transaction that answers from a list and keeps every round trip's statements. */
class RecordedScript {
  readonly trips: Statement[][] = [];

  constructor(private readonly answers: unknown[][], private readonly failOnCommit?: unknown) {}

  async run(statements: Statement[]): Promise<unknown[]> {
    this.trips.push(statements);
    return this.answers.shift() ?? [];
  }

  async commit(statements: Statement[] = []): Promise<unknown[]> {
    this.trips.push([...statements, ['COMMIT']]);
    if (this.failOnCommit) throw this.failOnCommit;
    return [];
  }
}

/** `woken` counts the relay's wake-ups, and `script.trips` shows whether they came after the commit. */
function together(script: RecordedScript, woken: number[] = []): CheckInTogether {
  // The owners' real statement builders; only the connection is a fake.
  const checkins = new CheckinRepository(null as never);
  checkins.scriptedTransaction = (work) => work(script as unknown as ScriptedTransaction);
  const config = { onsite: { emergencyCodeHours: 24 } } as AppConfig;
  const relay = { wake: () => woken.push(script.trips.length) } as unknown as OutboxRelay;
  const outbox = new JobOutbox(new JobOutboxRepository(null as never), relay, { subscribers: [] } as never);
  return new CheckInTogether(config, checkins, new EnterpriseRepository(null as never), new OfficerRepository(null as never), new PlanProgressRepository(null as never), new TrailRepository(null as never), outbox);
}

/** Each statement of a round trip by its first words. */
const sql = (trip: Statement[]) => trip.map(([text]) => text.trim().split(/\s+/).slice(0, 3).join(' '));

describe('check-ins admitted together', () => {
  const locked = [{ credit_code: SHOP, name: '老王烩面馆' }];

  it('take two round trips: the lock and the match, then the arrival, the check-ins and their trail entries with the commit', async () => {
    const script = new RecordedScript([[locked, [plan], []]]);
    const batch = together(script);
    const [admitted, notOnPlan] = await Promise.all([batch.submit(attempt(officer(7, 'O1'), 'key-00000001')), batch.submit(attempt(officer(8, 'O2'), 'key-00000002'))]);
    expect(admitted).toMatchObject({ plan: { planId: 'P1', enterpriseName: '老王烩面馆' }, dueAt: null });
    expect(notOnPlan).toBeNull();
    expect(script.trips.map(sql)).toEqual([
      ['SELECT credit_code, name', 'SELECT p.id, p.code,', 'SELECT id, cert_expires'],
      ['UPDATE plans SET', 'INSERT INTO checkins', 'INSERT INTO inspection_trail', 'COMMIT'],
    ]);
    const [lock, match] = script.trips[0];
    expect(lock[0]).toContain('FROM enterprises');
    expect(match[0]).toContain('trail_tail');
    expect(match[0]).not.toContain('enterprises');
    expect(match[1]).toEqual([['O1', 'O2'], [SHOP], '2026-11-14', '2026-11-28']);
    const [, checkins, trail] = script.trips[1];
    expect((checkins[1]![0] as unknown[][]).map((r) => r[8])).toEqual(['key-00000001']);
    // Chained onto the tail the match read: the entry after seq 2.
    expect((trail[1]![0] as unknown[][]).map((r) => [r[0], r[1], r[6]])).toEqual([['P1', 3, 'ab12']]);
  });

  it('record the deadline job of an emergency first arrived at in the same commit, and wake the relay after it', async () => {
    const woken: number[] = [];
    const script = new RecordedScript([[locked, [{ ...plan, trigger_type: 'emergency', expires_at: null }], []]]);
    const admitted = await together(script, woken).submit(attempt(officer(7, 'O1'), 'key-00000001'));
    expect(admitted?.dueAt).toEqual(new Date(AT.getTime() + 24 * 3_600_000));
    expect(script.trips.map(sql)[1]).toEqual(['UPDATE plans SET', 'INSERT INTO checkins', 'INSERT INTO inspection_trail', 'INSERT INTO job_outbox', 'COMMIT']);
    const [, , , job] = script.trips[1];
    expect(job[1]!.slice(0, 2)).toEqual(['emergency-code-deadline', 'emergency-code:P1']);
    expect(JSON.parse(job[1]![2] as string)).toEqual({ planId: 'P1', checkedInAt: AT.toISOString(), deadline: admitted!.dueAt!.toISOString() });
    expect(woken).toEqual([2]);
  });

  it('leave a plan arrived at already unmarked', async () => {
    const script = new RecordedScript([[locked, [{ ...plan, checked_in_at: AT }], []]]);
    await together(script).submit(attempt(officer(7, 'O1'), 'key-00000001'));
    expect(script.trips[1].map(([text]) => text.split(' ')[0])).toEqual(['INSERT', 'INSERT', 'COMMIT']);
  });

  it('write nothing when none is admitted: one round trip, no commit', async () => {
    const script = new RecordedScript([[locked, [{ ...plan, expires_at: null }], []]]);
    expect(await together(script).submit(attempt(officer(7, 'O1'), 'key-00000001'))).toBeNull();
    expect(script.trips).toHaveLength(1);
  });

  it('send every check-in of the batch to be judged alone when a key was replayed', async () => {
    const script = new RecordedScript([[locked, [plan], []]], Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }));
    expect(await together(script).submit(attempt(officer(7, 'O1'), 'key-00000001'))).toBeNull();
  });
});
