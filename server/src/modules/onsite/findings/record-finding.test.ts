import { classViolation, ErrorCode, Role, type ColourRule, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { PlanProgress, PlanProgressRepository } from '../../plans/index.js';
import type { ItemRepository } from '../../registry/index.js';
import type { TrailAppend, TrailRepository } from '../../trail/index.js';
import type { FindingDto } from '../dto/onsite.dto.js';
import type { FindingRepository } from '../finding.repository.js';
import { OfficerPlans } from '../officer-plan.js';
import type { OnsiteView } from '../view/onsite-view.js';
import { RecordFinding } from './record-finding.js';
import type { ViolationClassing } from './violation-classing.js';

const USER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const NOW = new Date('2026-11-21T04:00:00Z');
const PLAN = { id: 'P1', agencyId: 'A1', leadPlanId: 'P1', creditCode: '91440300708461136T', status: 'active', checkedInAt: new Date('2026-11-21T02:00:00Z'), finishedAt: null } as PlanProgress;
const finding = (over: Partial<FindingDto> = {}) => ({ itemId: 'I1', outcome: 'pass', clientKey: 'finding-0000001', ...over }) as FindingDto;

/** Recording a finding over fakes; `writes` lists what it wrote, in order. */
interface SetUp { replayed?: boolean; inserted?: boolean; plan?: PlanProgress; rule?: ColourRule | null; prior?: number; ownPlan?: PlanProgress | null; onPlan?: boolean }

function setUp({ replayed = false, inserted = true, plan = PLAN, rule = null, prior = 0, ownPlan = null, onPlan = true }: SetUp = {}) {
  const writes: string[] = [];
  const plans = {
    lock: async () => plan,
    find: async () => plan,
    hasOfficer: async () => onPlan,
    officerPlanIn: async () => ownPlan,
    hasItem: async (_planId: string, itemId: string) => itemId === 'I1',
  } as unknown as PlanProgressRepository;
  const record = new RecordFinding(
    { onsite: { offlineMaxAgeHours: 72 } } as AppConfig,
    { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions,
    new OfficerPlans(plans),
    plans,
    { namesOf: async () => ['食品经营许可检查'] } as unknown as ItemRepository,
    {
      hasKey: async () => replayed,
      insertOnce: async (planId: string, f: { itemId: string; outcome: string; colour: string | null }) =>
        (writes.push(`finding ${f.itemId} ${f.outcome}${f.colour ? ` ${f.colour}` : ''}${planId === 'P1' ? '' : ` on ${planId}`}`), inserted),
    } as unknown as FindingRepository,
    { append: async (entry: TrailAppend) => writes.push(`trail ${entry.kind} ${(entry.detail as { item: string }).item}`) } as unknown as TrailRepository,
    { view: async (id: string) => ({ id }) } as unknown as OnsiteView,
    { proposals: async (_code: string, ids: string[]) => new Map(ids.map((id) => [id, classViolation(rule, prior)])) } as unknown as ViolationClassing,
  );
  return { record, writes };
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DomainError) => error.code);

describe('recording a finding', () => {
  it('records it with its trail entry, naming the item', async () => {
    const { record, writes } = setUp();
    expect(await record.record(USER, 'P1', finding(), NOW)).toEqual({ id: 'P1' });
    expect(writes).toEqual(['finding I1 pass', 'trail finding 食品经营许可检查']);
  });

  it('answers a replayed key "already recorded" before checking any rule again', async () => {
    const { record, writes } = setUp({ replayed: true, plan: { ...PLAN, finishedAt: NOW } });
    expect(await codeOf(record.record(USER, 'P1', finding({ outcome: 'rectify' }), NOW))).toBe(ErrorCode.AlreadyRecorded);
    expect(writes).toEqual([]);
  });

  it('refuses an item not on the plan and a rectification without a deadline, writing nothing', async () => {
    const { record, writes } = setUp();
    expect(await codeOf(record.record(USER, 'P1', finding({ itemId: 'I9' }), NOW))).toBe(ErrorCode.ValidationFailed);
    expect(await codeOf(record.record(USER, 'P1', finding({ outcome: 'rectify' }), NOW))).toBe(ErrorCode.ValidationFailed);
    expect(await codeOf(record.record(USER, 'P1', finding({ outcome: 'rectify', rectifyBy: '2026-11-20' }), NOW))).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
  });

  it('answers a key recorded meanwhile "already recorded", without a trail entry', async () => {
    const { record, writes } = setUp({ inserted: false });
    expect(await codeOf(record.record(USER, 'P1', finding(), NOW))).toBe(ErrorCode.AlreadyRecorded);
    expect(writes).toEqual(['finding I1 pass']);
  });
});

describe('三色 on recording', () => {
  const green: ColourRule = { itemId: 'I1', colour: 'green', rectifyDays: 7 };

  it('classes a first offence of a green item green, its deadline the day itself', async () => {
    const { record, writes } = setUp({ rule: green });
    await record.record(USER, 'P1', finding({ outcome: 'rectify', colour: 'green' }), NOW);
    expect(writes).toEqual(['finding I1 rectify green', 'trail finding 食品经营许可检查']);
  });

  it('refuses green for a repeat offence, writing nothing, and records it yellow by default', async () => {
    const { record, writes } = setUp({ rule: green, prior: 1 });
    expect(await codeOf(record.record(USER, 'P1', finding({ outcome: 'rectify', colour: 'green' }), NOW))).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
    await record.record(USER, 'P1', finding({ outcome: 'rectify', rectifyBy: '2026-12-01' }), NOW);
    expect(writes).toEqual(['finding I1 rectify yellow', 'trail finding 食品经营许可检查']);
  });

  it('records a case red and a pass without a colour', async () => {
    const { record, writes } = setUp({ rule: green });
    await record.record(USER, 'P1', finding({ outcome: 'violation' }), NOW);
    await record.record(USER, 'P1', finding(), NOW);
    expect(writes.filter((w) => w.startsWith('finding'))).toEqual(['finding I1 violation red', 'finding I1 pass']);
  });
});

describe('一表通查: recording another agency’s item of the same joint inspection', () => {
  const other = { ...PLAN, id: 'P2', agencyId: 'A2', leadPlanId: 'P1' } as PlanProgress;

  it('records on that agency’s plan when the officer’s own part of the inspection has begun', async () => {
    const { record, writes } = setUp({ plan: other, ownPlan: PLAN });
    expect(await record.record(USER, 'P2', finding(), NOW)).toEqual({ id: 'P2' });
    expect(writes).toEqual(['finding I1 pass on P2', 'trail finding 食品经营许可检查']);
  });

  it('refuses an officer outside the inspection, or not yet checked in, writing nothing', async () => {
    const outside = setUp({ plan: other, ownPlan: null });
    expect(await codeOf(outside.record.record(USER, 'P2', finding(), NOW))).toBe(ErrorCode.NotFound);
    const early = setUp({ plan: other, ownPlan: { ...PLAN, checkedInAt: null } });
    expect(await codeOf(early.record.record(USER, 'P2', finding(), NOW))).toBe(ErrorCode.NotFound);
    expect([...outside.writes, ...early.writes]).toEqual([]);
  });
});
