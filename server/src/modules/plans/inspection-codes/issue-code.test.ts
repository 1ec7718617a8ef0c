import { ErrorCode, evidenceText, Role, shanghaiDate, unlabelledEvidenceKeys, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { FlagRaiser, RaiseFlag } from '../../flags/index.js';
import type { AgencyRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { EnterpriseSerial, LockedEnterprise } from '../enterprise-serial.js';
import type { InspectionCodeRepository, IssuedCodeRow } from '../inspection-code.repository.js';
import type { JointScenarioRepository, ScenarioView } from '../joint-scenario.repository.js';
import type { LateCode, LateCodes } from '../late-code.js';
import type { PlanViews } from '../listing/plan-views.js';
import type { PlanEventEntry, PlanEventRepository } from '../plan-event.repository.js';
import { PlanHistory } from '../plan-history.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';
import { IssueCode } from './issue-code.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const DATE = '2026-12-04';
const officer1: SessionUser = { id: 3, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const CATERING: ScenarioView = { id: 'catering', name: '餐饮店联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'], active: true };
const NAMES: Record<string, string> = { A1: '市市场监督管理局', A2: '市消防救援支队' };

const member = (id: string, agencyId: string, extra: Partial<Plan> = {}): Plan => ({
  id, code: `JH-${id}`, agencyId, creditCode: '91440300708461136T', plannedDate: DATE, trigger: 'planned', kind: 'inspection', reason: null, status: 'active',
  filedAt: NOW, filedBy: 1, leadPlanId: 'P1', aloneReason: null, checkedInAt: null, finishedAt: null, codeDueAt: null, inspectionDate: DATE,
  approval: null, approvalWhen: null, approvalNote: null, mode: 'onsite', modeReason: null, ...extra,
});

/** IssueCode with the real plan history over fakes; `written` logs each write in order. */
function issuingFor(members: Plan[], { liveCode = false } = {}) {
  const written: string[] = [];
  const events: PlanEventEntry[] = [];
  const enterprise = { creditCode: '91440300708461136T', industry: 'catering' } as LockedEnterprise;
  const serial = { run: (_code: string, work: (tx: Tx, e: LockedEnterprise) => Promise<unknown>) => work({} as Tx, enterprise) } as unknown as EnterpriseSerial;
  const views = { get: async () => ({ id: 'P1', code: 'JH-P1', agencyId: 'A1', creditCode: '91440300708461136T', status: 'active' }) } as unknown as PlanViews;
  const plans = {
    byId: async () => members[0],
    activeMembersOf: async () => members,
    setAloneReason: async (lead: string, reason: string) => void written.push(`${lead} goes alone: ${reason}`),
  } as unknown as PlanRepository;
  const codes = {
    liveOf: async () => (liveCode ? { token: 'AAAAAAAAAAAAAAAAAAAA', expiresAt: new Date('2026-12-05T16:00:00Z') } : null),
    insert: async (code: IssuedCodeRow) => void written.push(`code of ${code.leadPlanId} until ${code.expiresAt.toISOString()}`),
  } as unknown as InspectionCodeRepository;
  const scenarios = { active: async () => [CATERING] } as unknown as JointScenarioRepository;
  const agencies = { namesOf: async (ids: string[]) => new Map(ids.map((id) => [id, NAMES[id]])) } as unknown as AgencyRepository;
  const eventRepository = { append: async (e: PlanEventEntry) => { written.push(`event ${e.kind} of ${e.planId}`); events.push(e); } } as unknown as PlanEventRepository;
  const trail = { append: async (e: { kind: string; inspectionId: string }) => void written.push(`trail ${e.kind} of ${e.inspectionId}`) } as unknown as TrailRepository;
  const raised: RaiseFlag[] = [];
  const flags = { raiseOne: async (f: RaiseFlag) => { raised.push(f); written.push(`case ${f.dedupeKey}`); } } as unknown as FlagRaiser;
  const lateCodes = { raise: async (late: LateCode) => void written.push(`late code of ${late.planId}`) } as unknown as LateCodes;
  const config = { jwtSecret: 'test-secret', publicBaseUrl: 'https://mashang.example' } as AppConfig;
  const issuing = new IssueCode(serial, views, plans, codes, scenarios, agencies, new PlanHistory(eventRepository, trail), flags, lateCodes, config);
  return { issue: (aloneReason?: string) => issuing.issue(officer1, 'P1', aloneReason, NOW), written, events, raised };
}

describe('issuing an inspection code', () => {
  it('codes a joint inspection that satisfies its scenario: the code, then a coded event on each member and its trail', async () => {
    const { issue, written, events } = issuingFor([member('P1', 'A1'), member('P2', 'A2')]);
    const issued = await issue();
    expect(issued.url).toBe(`https://mashang.example/v/${issued.token}`);
    // Valid through the day after the inspection date, Asia/Shanghai.
    expect(shanghaiDate(new Date(new Date(issued.expiresAt).getTime() - 1))).toBe('2026-12-05');
    expect(written).toEqual([`code of P1 until ${issued.expiresAt}`, 'event coded of P1', 'trail coded of P1', 'event coded of P2', 'trail coded of P2']);
    expect(events[0].detail).toEqual({ inspectionDate: DATE, expiresAt: issued.expiresAt, agencyIds: ['A1', 'A2'] });
  });

  it("refuses to close without the scenario's agencies unless a reason is given, recording the refusal only", async () => {
    const { issue, written } = issuingFor([member('P1', 'A1')]);
    const error = await issue().then(() => null, (e: DomainError) => e);
    expect(error?.code).toBe(ErrorCode.RuleRefused);
    expect(error?.refusals).toEqual([expect.objectContaining({ rule: 'joint-scenario', message: expect.stringContaining('市消防救援支队'), remedy: expect.any(String) })]);
    expect(written).toEqual(['event refused of P1']);
  });

  it('with a reason, keeps it, records going alone for the supervisor, then codes', async () => {
    const { issue, written, events, raised } = issuingFor([member('P1', 'A1')]);
    await issue('  消防部门本月已检查过该店 ');
    expect(written).toEqual([
      'P1 goes alone: 消防部门本月已检查过该店',
      'event alone of P1',
      'trail alone of P1',
      'case alone:P1',
      expect.stringMatching(/^code of P1 until /),
      'event coded of P1',
      'trail coded of P1',
    ]);
    expect(events[0].detail).toEqual({ scenario: '餐饮店联合检查', missingAgencyIds: ['A2'], reason: '消防部门本月已检查过该店' });
    // The case's evidence reads in Chinese: every key has its label.
    expect(unlabelledEvidenceKeys(raised[0].evidence)).toEqual([]);
    expect(evidenceText(raised[0].evidence)).toBe('检查计划：P1；计划编号：JH-P1；综合监管场景：餐饮店联合检查；应联合检查的部门：A2；理由：消防部门本月已检查过该店');
  });

  it('answers the code already issued without writing anything', async () => {
    const { issue, written } = issuingFor([member('P1', 'A1')], { liveCode: true });
    expect((await issue()).token).toBe('AAAAAAAAAAAAAAAAAAAA');
    expect(written).toEqual([]);
  });

  it('names a late code after an emergency check-in on the coded event and raises it', async () => {
    const checkedInAt = new Date('2026-11-20T01:00:00Z');
    const codeDueAt = new Date('2026-11-21T01:00:00Z');
    const { issue, written, events } = issuingFor([member('P1', 'A1', { trigger: 'emergency', checkedInAt, codeDueAt }), member('P2', 'A2')]);
    await issue();
    expect(written.slice(1)).toEqual(['event coded of P1', 'trail coded of P1', 'late code of P1', 'event coded of P2', 'trail coded of P2']);
    expect(events[0].detail).toMatchObject({ checkedInAt: checkedInAt.toISOString(), codeDueAt: codeDueAt.toISOString(), onTime: false });
  });
});
