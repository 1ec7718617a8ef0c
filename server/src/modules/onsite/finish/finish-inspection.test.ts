import { Logger } from '@nestjs/common';
import { ErrorCode, Role, type FindingOutcome, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { InspectionRecord } from '@mashang/shared';
import type { InspectionRepository } from '../../inspections/index.js';
import type { JobOutbox, OutboxJob } from '../../outbox/index.js';
import type { InspectionCodeRepository, PlanProgress, PlanProgressRepository, PlanRepository } from '../../plans/index.js';
import type { EnterpriseRepository, ItemRepository } from '../../registry/index.js';
import type { TrailAppend, TrailRepository } from '../../trail/index.js';
import type { DocumentRepository } from '../document.repository.js';
import type { FinishDto } from '../dto/onsite.dto.js';
import type { FindingRepository, RecordedFinding } from '../finding.repository.js';
import { OfficerPlans } from '../officer-plan.js';
import type { OnsiteView } from '../view/onsite-view.js';
import { CompleteInspection } from './complete-inspection.js';
import { FinishInspection } from './finish-inspection.js';

const SHOP = '92410202MA0004016A';
const NOW = new Date('2026-11-21T04:00:00Z');
const ARRIVED = new Date('2026-11-21T02:00:00Z');
const CODED = new Date('2026-11-20T08:00:00Z');
const USER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const INPUT = { clientKey: 'finish-0000001' } as FinishDto;
const ITEMS: Record<string, string> = { I1: '食品经营许可检查', I2: '从业人员健康证明检查' };

const member = (id: string, agencyId: string, over: Partial<PlanProgress> = {}): PlanProgress => ({
  id, code: `JH-${id}`, agencyId, creditCode: SHOP, trigger: 'planned', kind: 'inspection', status: 'active', leadPlanId: 'P1', inspectionDate: '2026-11-21',
  filedAt: new Date('2026-11-10T00:00:00Z'), checkedInAt: ARRIVED, finishedAt: null, codeDueAt: null, ...over,
});

/**
 * One joint inspection (P1 of A1, the user's; P2 of A2) over fakes keeping its state; `log` lists the
 * writes in order, `records` the inspection records written, `published` the events.
 */
function setUp({ other = member('P2', 'A2', { finishedAt: new Date('2026-11-21T03:00:00Z') }), outcomes = { I1: 'pass', I2: 'rectify' } as Record<string, FindingOutcome>, mine = member('P1', 'A1') } = {}) {
  const state = new Map([[mine.id, mine], [other.id, other]]);
  const log: string[] = [];
  const records: InspectionRecord[][] = [];
  const published: unknown[] = [];
  const plans = {
    find: async (id: string) => state.get(id) ?? null,
    lock: async (id: string) => (log.push(`lock plan ${id}`), state.get(id) ?? null),
    hasOfficer: async (_planId: string, officerId: string) => officerId === 'O1',
    markFinished: async (id: string, at: Date) => {
      log.push(`finish ${id}`);
      state.set(id, { ...state.get(id)!, finishedAt: at });
    },
    lockActiveMembers: async (lead: string) => [...state.values()].filter((p) => p.leadPlanId === lead && p.status === 'active').sort((a, b) => a.id.localeCompare(b.id)),
  } as unknown as PlanProgressRepository;
  const members = {
    itemsOf: async (ids: string[]) => ids.flatMap((planId) => [{ planId, memberId: 'I1' }, { planId, memberId: 'I2' }]),
    officersOf: async (ids: string[]) => ids.map((planId) => ({ planId, memberId: planId === 'P1' ? 'O1' : 'O2' })),
  } as unknown as PlanRepository;
  const codes = { firstIssuedAt: async () => CODED } as unknown as InspectionCodeRepository;
  const findings = {
    latestOf: async (planId: string) => new Map(Object.entries(planId === mine.id ? outcomes : { I1: 'violation' }).map(([itemId, outcome]) => [itemId, { itemId, outcome } as RecordedFinding])),
  } as unknown as FindingRepository;
  const finish = new FinishInspection(
    { onsite: { offlineMaxAgeHours: 72 } } as AppConfig,
    {
      run: async (work: (tx: Tx) => Promise<unknown>) => {
        const result = await work({} as Tx);
        log.push('commit');
        return result;
      },
    } as unknown as Transactions,
    { add: async (jobs: OutboxJob[]) => (log.push('outbox'), published.push(...jobs.map((j) => [j.name, j.payload]))) } as unknown as JobOutbox,
    new OfficerPlans(plans),
    plans,
    members,
    { lock: async (codes: string[]) => log.push(`lock enterprise ${codes.join()}`) } as unknown as EnterpriseRepository,
    { namesOf: async (ids: string[]) => ids.map((id) => ITEMS[id]) } as unknown as ItemRepository,
    findings,
    { countOf: async () => 2 } as unknown as DocumentRepository,
    { append: async (entry: TrailAppend) => log.push(`trail ${entry.kind} ${JSON.stringify(entry.detail)}`) } as unknown as TrailRepository,
    new CompleteInspection(plans, members, codes, findings, { insertFinished: async (r: InspectionRecord[]) => records.push(r) } as unknown as InspectionRepository),
    { view: async (id: string) => ({ id }) } as unknown as OnsiteView,
  );
  return { finish, log, records, published };
}

describe('finishing an agency\'s part of an inspection', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('refuses while items are unrecorded, naming them, and writes nothing', async () => {
    const { finish, log, records, published } = setUp({ outcomes: { I2: 'pass' } });
    const error = (await finish.finish(USER, 'P1', INPUT, NOW).catch((e) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.RuleRefused);
    expect(error.refusals![0]).toMatchObject({ rule: 'items-unrecorded', message: '还有1项检查事项没有记录结果：食品经营许可检查' });
    expect(log.filter((l) => !l.startsWith('lock'))).toEqual([]);
    expect(records).toEqual([]);
    expect(published).toEqual([]);
  });

  it('locks the enterprise, then the lead plan, before anything else', async () => {
    const { finish, log } = setUp({ mine: member('P2', 'A1', { leadPlanId: 'P1' }), other: member('P1', 'A2') });
    await finish.finish(USER, 'P2', INPUT, NOW);
    expect(log.slice(0, 3)).toEqual([`lock enterprise ${SHOP}`, 'lock plan P1', 'lock plan P2']);
  });

  it('as the last agency, writes every agency\'s record and records inspection-finished once, in the same transaction', async () => {
    const { finish, log, records, published } = setUp();
    expect(await finish.finish(USER, 'P1', INPUT, NOW)).toEqual({ id: 'P1' });
    expect(log.filter((l) => !l.startsWith('lock'))).toEqual(['finish P1', `trail finished ${JSON.stringify({ at: NOW.toISOString(), result: 'rectify', findings: 2, documents: 2, clientKey: INPUT.clientKey })}`, 'outbox', 'commit']);
    expect(records).toHaveLength(1);
    expect(records[0]).toEqual([
      expect.objectContaining({ id: 'P1', agencyId: 'A1', jointId: 'P1', startedAt: ARRIVED, finishedAt: NOW, coded: true, codedAt: CODED, result: 'rectify', officerIds: ['O1'], itemIds: ['I1', 'I2'] }),
      expect.objectContaining({ id: 'P2', agencyId: 'A2', result: 'case', officerIds: ['O2'] }),
    ]);
    expect(published).toEqual([['inspection-finished', { groupId: 'P1', creditCode: SHOP, inspectionIds: ['P1', 'P2'], finishedAt: NOW.toISOString() }]]);
  });

  it('while another agency is still at work, writes no record and publishes nothing', async () => {
    const { finish, records, published } = setUp({ other: member('P2', 'A2') });
    await finish.finish(USER, 'P1', INPUT, NOW);
    expect(records).toEqual([]);
    expect(published).toEqual([]);
  });

  it('answers a second finish "already recorded"', async () => {
    const { finish, records } = setUp({ mine: member('P1', 'A1', { finishedAt: ARRIVED }) });
    expect(((await finish.finish(USER, 'P1', INPUT, NOW).catch((e) => e)) as DomainError).code).toBe(ErrorCode.AlreadyRecorded);
    expect(records).toEqual([]);
  });

  it('ends a visit (回访) without items or findings: no record, no invite, the end on its trail', async () => {
    const { finish, log, records, published } = setUp({ mine: member('V1', 'A1', { kind: 'return-visit', leadPlanId: 'V1' }), outcomes: {} });
    expect(await finish.finish(USER, 'V1', INPUT, NOW)).toEqual({ id: 'V1' });
    expect(log.filter((l) => !l.startsWith('lock'))).toEqual(['finish V1', `trail finished ${JSON.stringify({ at: NOW.toISOString(), kind: 'return-visit', kindLabel: '回访', documents: 2, clientKey: INPUT.clientKey })}`, 'commit']);
    expect(records).toEqual([]);
    expect(published).toEqual([]);
  });
});
