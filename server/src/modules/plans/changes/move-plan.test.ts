import { addDays, ErrorCode, Role, shanghaiDate, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { AgencyRepository, ItemRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { EnterpriseSerial, LockedEnterprise } from '../enterprise-serial.js';
import { FilingCheck } from '../filing/filing-check.js';
import type { InspectionCodeRepository } from '../inspection-code.repository.js';
import type { PlanViews } from '../listing/plan-views.js';
import { Regrouping } from '../merging/regroup.js';
import type { PlanEventEntry, PlanEventRepository } from '../plan-event.repository.js';
import { PlanHistory } from '../plan-history.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';
import type { ReviewRepository } from '../review.repository.js';
import { MovePlan } from './move-plan.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = shanghaiDate(NOW);
const CREDIT_CODE = '91440300708461136T';
const officer2: SessionUser = { id: 4, username: 'officer2', role: Role.Officer, displayName: '李娜', agencyId: 'A2', officerId: 'O2' };

const stored = (id: string, agencyId: string, date: string, filedAt: string): Plan => ({
  id, code: `JH-${id}`, agencyId, creditCode: CREDIT_CODE, plannedDate: date, trigger: 'planned', kind: 'inspection', reason: null, status: 'active',
  filedAt: new Date(filedAt), filedBy: 1, leadPlanId: id, aloneReason: null, checkedInAt: null, finishedAt: null, codeDueAt: null, inspectionDate: date,
  approval: null, approvalWhen: null, approvalNote: null, mode: 'onsite', modeReason: null,
});

/**
 * MovePlan with the real filing rules, regrouping and plan history over an in-memory plan table and
 * fakes of the other repositories; `written` logs each write in order, `events` the recorded events.
 */
function planTable(plans: Plan[], { codeIssuedFor = [] as string[] } = {}) {
  const byId = new Map(plans.map((p) => [p.id, { ...p }]));
  const written: string[] = [];
  const events: PlanEventEntry[] = [];
  const tx = {} as Tx;
  const enterprise = { creditCode: CREDIT_CODE, creditGrade: 'C', lowTouch: false, industry: 'catering' } as LockedEnterprise;
  const serial = { run: (_code: string, work: (tx: Tx, e: LockedEnterprise) => Promise<unknown>) => work(tx, enterprise) } as unknown as EnterpriseSerial;
  const planRepository = {
    creditCodeOf: async (id: string) => byId.get(id)?.creditCode ?? null,
    byId: async (id: string) => (byId.has(id) ? { ...byId.get(id)! } : null),
    itemsOf: async () => [{ planId: 'P1', memberId: 'I2' }],
    plannedDates: async () => [],
    codedOf: async () => [],
    setPlannedDate: async (id: string, date: string) => {
      written.push(`${id} planned for ${date}`);
      byId.get(id)!.plannedDate = date;
    },
    regroupable: async (_code: string, since: string) =>
      [...byId.values()].filter((p) => p.status === 'active' && p.plannedDate >= since && !codeIssuedFor.includes(p.leadPlanId)).map((p) => ({ ...p })),
    setGrouping: async (id: string, lead: string, date: string) => {
      written.push(`${id} joins ${lead} on ${date}`);
      Object.assign(byId.get(id)!, { leadPlanId: lead, inspectionDate: date });
    },
  } as unknown as PlanRepository;
  const codes = { liveOf: async (lead: string) => (codeIssuedFor.includes(lead) ? { token: 't', expiresAt: NOW } : null) } as unknown as InspectionCodeRepository;
  const check = new FilingCheck(
    planRepository,
    { pendingInspectionOf: async () => null } as unknown as ReviewRepository,
    { plannedStartsSince: async () => [] } as unknown as InspectionRepository,
    { byIds: async () => [{ id: 'I2', agencyId: 'A2', name: '消防设施检查', noDisturb: false }] } as unknown as ItemRepository,
    { namesOf: async () => new Map() } as unknown as AgencyRepository,
    { onsite: { emergencyCodeHours: 24 } } as AppConfig,
  );
  const eventRepository = {
    append: async (e: PlanEventEntry) => {
      written.push(`event ${e.kind} of ${e.planId}`);
      events.push(e);
    },
  } as unknown as PlanEventRepository;
  const trail = { append: async (e: { kind: string; inspectionId: string }) => void written.push(`trail ${e.kind} of ${e.inspectionId}`) } as unknown as TrailRepository;
  const history = new PlanHistory(eventRepository, trail);
  const views = { get: async (_user: SessionUser, id: string) => ({ ...byId.get(id)! }) } as unknown as PlanViews;
  const moving = new MovePlan(serial, planRepository, codes, check, history, new Regrouping(planRepository, history), views);
  return { move: (id: string, date: string) => moving.move(officer2, id, date, NOW), written, events, byId };
}

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(() => null, (e: DomainError) => e);
  if (!error) throw new Error('expected the move to be refused');
  return error;
}

describe('moving a plan', () => {
  const fire = stored('P2', 'A2', addDays(TODAY, 30), '2026-11-02T00:00:00Z');
  const market = stored('P1', 'A1', addDays(TODAY, 10), '2026-11-01T00:00:00Z');

  it('moves the date, records the move, then regroups: the plans within a week of each other become one joint inspection', async () => {
    const { move, written, events, byId } = planTable([market, fire]);
    await move('P2', addDays(TODAY, 14));
    expect(written).toEqual([
      `P2 planned for ${addDays(TODAY, 14)}`,
      'event moved of P2',
      'trail moved of P2',
      // The earlier filing leads; it keeps its date and only gains a member.
      'event merged of P1',
      'trail merged of P1',
      `P2 joins P1 on ${addDays(TODAY, 10)}`,
      'event merged of P2',
      'trail merged of P2',
    ]);
    expect(events[0].detail).toEqual({ from: addDays(TODAY, 30), to: addDays(TODAY, 14) });
    expect(events[2].detail).toEqual({
      leadPlanId: 'P1', leadAgencyId: 'A1', inspectionDate: addDays(TODAY, 10), agencyIds: ['A1', 'A2'], why: expect.stringContaining('联合检查'),
    });
    expect(byId.get('P2')).toMatchObject({ plannedDate: addDays(TODAY, 14), leadPlanId: 'P1', inspectionDate: addDays(TODAY, 10) });
  });

  it('leaves the other inspections alone: a plan inspecting alone takes its new date, and only it is recorded', async () => {
    const { move, written, events } = planTable([market, fire]);
    await move('P2', addDays(TODAY, 40));
    expect(written).toEqual([
      `P2 planned for ${addDays(TODAY, 40)}`, 'event moved of P2', 'trail moved of P2', `P2 joins P2 on ${addDays(TODAY, 40)}`, 'event merged of P2', 'trail merged of P2',
    ]);
    expect(events[1].detail).toMatchObject({ leadPlanId: 'P2', agencyIds: ['A2'], why: `检查日期为 ${addDays(TODAY, 40)}` });
  });

  it('records a refused move on the plan (not on its trail) and keeps its date', async () => {
    const { move, written, byId } = planTable([market, fire]);
    const error = await refusal(move('P2', addDays(TODAY, 3)));
    expect(error.code).toBe(ErrorCode.RuleRefused);
    expect(error.refusals).toEqual([expect.objectContaining({ rule: 'advance-notice', remedy: expect.stringContaining(addDays(TODAY, 7)) })]);
    expect(written).toEqual(['event refused of P2']);
    expect(byId.get('P2')!.plannedDate).toBe(addDays(TODAY, 30));
  });

  it('refuses a move to a past date and keeps the date', async () => {
    const { move, written, byId } = planTable([market, fire]);
    const error = await refusal(move('P2', addDays(TODAY, -1)));
    expect(error.refusals).toEqual([expect.objectContaining({ rule: 'past-date' })]);
    expect(written).toEqual(['event refused of P2']);
    expect(byId.get('P2')!.plannedDate).toBe(addDays(TODAY, 30));
  });

  it('refuses once the inspection has its code, or for another agency, writing nothing', async () => {
    const coded = planTable([market, fire], { codeIssuedFor: ['P2'] });
    expect((await refusal(coded.move('P2', addDays(TODAY, 14)))).code).toBe(ErrorCode.Conflict);
    expect(coded.written).toEqual([]);
    const other = planTable([market, fire]);
    expect((await refusal(other.move('P1', addDays(TODAY, 14)))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(other.move('NOPE', addDays(TODAY, 14)))).code).toBe(ErrorCode.NotFound);
    expect(other.written).toEqual([]);
  });
});
