import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { JobOutbox, OutboxJob } from '../../outbox/index.js';
import type { PlanMatchRow, PlanProgress, PlanProgressRepository } from '../../plans/index.js';
import type { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { CheckinRepository } from '../checkin.repository.js';
import type { CheckInDto } from '../dto/onsite.dto.js';
import { CheckInAlone } from './check-in-alone.js';
import type { CheckinAttempt } from './check-in-matching.js';

const SHOP = '92410202MA0004016A';
const FACTORY = '91410202MA0004027X';
const DAY = '2026-11-21';
const AT = new Date('2026-11-21T02:00:00Z');
const USER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const ATTEMPT: CheckinAttempt = { user: USER, officerId: 'O1', input: { creditCode: SHOP, clientKey: 'key-00000001' } as CheckInDto, at: AT, day: DAY, now: AT };
const plan = (over: Partial<PlanMatchRow> = {}): PlanMatchRow => ({
  id: 'P1', code: 'JH1', credit_code: SHOP, agency_id: 'A1', lead_plan_id: 'P1', inspection_date: DAY, trigger_type: 'planned', kind: 'inspection',
  filed_at: new Date('2026-11-10T00:00:00Z'), finished_at: null, checked_in_at: null, code_due_at: null,
  officer_id: 'O1', expires_at: new Date('2026-11-22T16:00:00Z'), ...over,
});
const officersPlan = { id: 'P7', code: 'JH7', creditCode: FACTORY, trigger: 'planned', finishedAt: null, checkedInAt: null, codeDueAt: null } as PlanProgress;

/** The check-in alone over fakes; `writes` lists what it wrote, in order. */
function setUp({ rows = [plan()], replayed = false, inserted = true, open = true, elsewhere = [] as PlanProgress[], certExpires = null as string | null } = {}) {
  const writes: string[] = [];
  const tx = {} as Tx;
  const names = new Map([[SHOP, '老王烩面馆'], [FACTORY, '建材厂'], ['A2', '市消防救援支队']]);
  const namesOf = async (keys: string[]) => new Map(keys.filter((k) => names.has(k)).map((k) => [k, names.get(k)!]));
  const alone = new CheckInAlone(
    { onsite: { emergencyCodeHours: 24 } } as AppConfig,
    { run: (work: (tx: Tx) => Promise<unknown>) => work(tx) } as unknown as Transactions,
    {
      hasKey: async () => replayed,
      insertOnce: async (c: { clientKey: string }) => (writes.push(`checkin ${c.clientKey}`), inserted),
    } as unknown as CheckinRepository,
    {
      checkInMatch: async () => rows,
      officerPlansOfDay: async () => elsewhere,
      markArrival: async (a: { planId: string }) => (writes.push(`arrival ${a.planId}`), open),
    } as unknown as PlanProgressRepository,
    { namesOf } as unknown as EnterpriseRepository,
    { namesOf } as unknown as AgencyRepository,
    { find: async ({ id }: { id: string }) => ({ id, certExpires }) } as unknown as OfficerRepository,
    { append: async (e: { kind: string }) => writes.push(`trail ${e.kind}`) } as unknown as TrailRepository,
    { add: async (jobs: OutboxJob[], inTx: Tx) => writes.push(...jobs.map((j) => `outbox ${j.name} ${JSON.stringify(j.payload)}${inTx === tx ? '' : ' outside the transaction'}`)) } as unknown as JobOutbox,
  );
  return { alone, writes };
}

const refusal = (error: unknown) => {
  const e = error as DomainError;
  return e.code === ErrorCode.RuleRefused ? e.refusals![0].rule : e.code;
};

describe('a check-in judged alone', () => {
  it('refuses an officer whose certificate has expired, and writes nothing', async () => {
    const { alone, writes } = setUp({ certExpires: '2026-01-31' });
    expect(refusal(await alone.checkIn(ATTEMPT).catch((e) => e))).toBe('certificate-expired');
    expect(writes).toEqual([]);
  });

  it('refuses with the rule and writes nothing', async () => {
    const { alone, writes } = setUp({ rows: [plan({ expires_at: null })] });
    expect(refusal(await alone.checkIn(ATTEMPT).catch((e) => e))).toBe('no-code');
    expect(writes).toEqual([]);
  });

  it('answers a replayed key "already recorded" instead of judging it again', async () => {
    const { alone, writes } = setUp({ rows: [plan({ finished_at: AT })], replayed: true });
    expect(refusal(await alone.checkIn(ATTEMPT).catch((e) => e))).toBe(ErrorCode.AlreadyRecorded);
    expect(writes).toEqual([]);
  });

  it('names the agency locking the enterprise out', async () => {
    const { alone } = setUp({ rows: [plan(), plan({ id: 'P9', agency_id: 'A2', lead_plan_id: 'P9', inspection_date: '2026-11-19', officer_id: null })] });
    const error = (await alone.checkIn(ATTEMPT).catch((e) => e)) as DomainError;
    expect(error.refusals![0]).toMatchObject({ rule: 'lock-out', message: expect.stringContaining('市消防救援支队已于2026-11-19') });
  });

  it('names the officer\'s plans of the day when another enterprise was scanned', async () => {
    const { alone } = setUp({ rows: [], elsewhere: [officersPlan] });
    const error = (await alone.checkIn(ATTEMPT).catch((e) => e)) as DomainError;
    expect(error.refusals![0]).toMatchObject({ rule: 'enterprise-differs', message: expect.stringContaining(`建材厂（${FACTORY}）`) });
  });

  it('records an admitted check-in: the arrival on the plan, the check-in, its trail entry', async () => {
    const { alone, writes } = setUp();
    expect(await alone.checkIn(ATTEMPT)).toMatchObject({ plan: { planId: 'P1', enterpriseName: '老王烩面馆' }, dueAt: null });
    expect(writes).toEqual(['arrival P1', 'checkin key-00000001', 'trail checked-in']);
  });

  it('records an emergency\'s first check-in with its deadline job, in the same transaction', async () => {
    const { alone, writes } = setUp({ rows: [plan({ trigger_type: 'emergency', expires_at: null })] });
    const { dueAt } = await alone.checkIn(ATTEMPT);
    expect(writes).toEqual(['arrival P1', 'checkin key-00000001', 'trail checked-in', `outbox emergency-code-deadline ${JSON.stringify({ planId: 'P1', checkedInAt: AT.toISOString(), deadline: dueAt!.toISOString() })}`]);
  });

  it('answers a key recorded meanwhile "already recorded", without a trail entry', async () => {
    const { alone, writes } = setUp({ inserted: false });
    expect(refusal(await alone.checkIn(ATTEMPT).catch((e) => e))).toBe(ErrorCode.AlreadyRecorded);
    expect(writes).not.toContain('trail checked-in');
  });

  it('refuses a plan cancelled or finished meanwhile before recording anything of it', async () => {
    const { alone, writes } = setUp({ open: false });
    expect(refusal(await alone.checkIn(ATTEMPT).catch((e) => e))).toBe(ErrorCode.Conflict);
    expect(writes).toEqual(['arrival P1']);
  });
});
