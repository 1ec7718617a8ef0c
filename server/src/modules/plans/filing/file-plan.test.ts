import { addDays, ErrorCode, Role, shanghaiDate, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { CampaignRepository, StoredCampaign } from '../../campaigns/index.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { AgencyRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { FilePlanDto } from '../dto/file-plan.dto.js';
import type { EnterpriseSerial, LockedEnterprise } from '../enterprise-serial.js';
import type { PlanViews } from '../listing/plan-views.js';
import type { Regrouping } from '../merging/regroup.js';
import type { PlanEventRepository } from '../plan-event.repository.js';
import { PlanHistory } from '../plan-history.js';
import type { CodedPlan, NewPlan, PlanRepository } from '../plan.repository.js';
import type { ReviewRepository } from '../review.repository.js';
import { CampaignLink } from './campaign-link.js';
import { FilePlan } from './file-plan.js';
import { FilingCheck } from './filing-check.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = shanghaiDate(NOW);
const officer1: SessionUser = { id: 3, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const OFFICERS = [{ id: 'O1', agencyId: 'A1', name: '张伟', active: true }, { id: 'O2', agencyId: 'A2', name: '李娜', active: true }, { id: 'O3', agencyId: 'A1', name: '王强', active: false }];
const ITEMS = [{ id: 'I1', agencyId: 'A1', name: '食品经营许可检查', noDisturb: false }, { id: 'I9', agencyId: 'A1', name: '环评执行情况检查', noDisturb: true }];
const NAMES: Record<string, string> = { A1: '市市场监督管理局', A2: '市消防救援支队' };

interface World {
  enterprise?: Partial<LockedEnterprise>;
  coded?: CodedPlan[];
  pendingReview?: string;
  /** The filing agency requires its head's approval of plans. */
  approval?: boolean;
  /** A special campaign (专项检查) the plan may be filed under. */
  campaign?: Partial<StoredCampaign>;
}

/** FilePlan with the real filing rules and plan history over fakes of every repository; `written` logs each write in order. */
function filingIn(world: World = {}) {
  const written: string[] = [];
  const tx = {} as Tx;
  const enterprise = { creditCode: '91440300708461136T', creditGrade: 'B', lowTouch: false, industry: 'catering', ...world.enterprise } as LockedEnterprise;
  const serial = { run: (_code: string, work: (tx: Tx, e: LockedEnterprise) => Promise<unknown>) => work(tx, enterprise) } as unknown as EnterpriseSerial;
  const plans = {
    plannedDates: async () => [],
    codedOf: async () => world.coded ?? [],
    insert: async (plan: NewPlan) =>
      void written.push(`insert plan ${plan.agencyId} ${plan.plannedDate} officers ${plan.officerIds} items ${plan.itemIds}${plan.approvalWhen ? ` approval ${plan.approvalWhen}` : ''}${plan.kind && plan.kind !== 'inspection' ? ` ${plan.kind} ${plan.code.slice(0, 2)} ${plan.trigger}` : ''}${plan.campaignId ? ` campaign ${plan.campaignId}` : ''}`),
  } as unknown as PlanRepository;
  const reviews = { pendingInspectionOf: async () => world.pendingReview ?? null } as unknown as ReviewRepository;
  const inspections = { plannedStartsSince: async () => [] } as unknown as InspectionRepository;
  const items = { byIds: async (ids: string[]) => ITEMS.filter((i) => ids.includes(i.id)) } as unknown as ItemRepository;
  const officers = { byIds: async (ids: string[]) => OFFICERS.filter((o) => ids.includes(o.id)) } as unknown as OfficerRepository;
  const agencies = {
    namesOf: async (ids: string[]) => new Map(ids.map((id) => [id, NAMES[id]])),
    requiresPlanApproval: async () => world.approval ?? false,
  } as unknown as AgencyRepository;
  const events = { append: async (e: { kind: string; planId: string | null }) => void written.push(`event ${e.kind} of ${e.planId ? 'plan' : 'no plan'}`) } as unknown as PlanEventRepository;
  const trail = { append: async (e: { kind: string }) => void written.push(`trail ${e.kind}`) } as unknown as TrailRepository;
  const regrouping = { regroup: async (creditCode: string) => void written.push(`regroup ${creditCode}`) } as unknown as Regrouping;
  const views = { get: async (_user: SessionUser, id: string) => ({ id }) } as unknown as PlanViews;
  const check = new FilingCheck(plans, reviews, inspections, items, agencies, { onsite: { emergencyCodeHours: 24 } } as AppConfig);
  const campaign = world.campaign && {
    id: 'C1', name: '燃气安全专项检查', status: 'published', ownerAgencyId: 'A1', industries: ['catering'], regionPrefixes: [], agencyIds: ['A1'],
    periodFrom: TODAY, periodTo: addDays(TODAY, 60), ...world.campaign,
  };
  const campaigns = { find: async (id: string) => (campaign?.id === id ? campaign : null) } as unknown as CampaignRepository;
  const filing = new FilePlan(serial, check, plans, officers, items, new PlanHistory(events, trail), regrouping, views, agencies, new CampaignLink(campaigns));
  return { file: (input: Partial<FilePlanDto>) => filing.file(officer1, { ...plan(), ...input }, NOW), written };
}

const plan = (): FilePlanDto => ({ creditCode: '91440300708461136T', date: addDays(TODAY, 10), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] });

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(() => null, (e: DomainError) => e);
  if (!error) throw new Error('expected the filing to be refused');
  return error;
}

describe('filing a plan', () => {
  it('stores the plan, records it on its history and trail, then regroups the enterprise', async () => {
    const { file, written } = filingIn();
    await expect(file({})).resolves.toEqual({ id: expect.any(String) });
    expect(written).toEqual([
      `insert plan A1 ${addDays(TODAY, 10)} officers O1 items I1`,
      'event filed of plan',
      'trail filed',
      'regroup 91440300708461136T',
    ]);
  });

  it('where the agency requires approval, stores the plan to wait for it and joins no inspection; an emergency goes ahead, approved afterwards', async () => {
    const { file, written } = filingIn({ approval: true });
    await file({});
    expect(written).toEqual([`insert plan A1 ${addDays(TODAY, 10)} officers O1 items I1 approval prior`, 'event filed of plan', 'trail filed']);
    written.length = 0;
    await file({ trigger: 'emergency', reason: '燃气泄漏', date: TODAY });
    expect(written).toEqual([`insert plan A1 ${TODAY} officers O1 items I1 approval after`, 'event filed of plan', 'trail filed', 'regroup 91440300708461136T']);
  });

  it('answers every broken rule with its remedy, recording the refused attempt and writing nothing else', async () => {
    const { file, written } = filingIn({ enterprise: { lowTouch: true }, pendingReview: 'X7' });
    const error = await refusal(file({ date: addDays(TODAY, 3), itemIds: ['I1', 'I9'] }));
    expect(error.code).toBe(ErrorCode.RuleRefused);
    expect(error.refusals!.map((r) => r.rule)).toEqual(['advance-notice', 'low-touch', 'no-disturb-item', 'review-pending']);
    for (const r of error.refusals!) expect(r.remedy).toEqual(expect.any(String));
    expect(error.refusals![0].remedy).toContain(addDays(TODAY, 7));
    expect(error.refusals![2].message).toContain('环评执行情况检查');
    expect(error.refusals![3].message).toContain('X7');
    expect(written).toEqual(['event refused of no plan']);
  });

  it('refuses a past date, recording the attempt, but files an emergency afterwards within its code deadline', async () => {
    const { file, written } = filingIn();
    const error = await refusal(file({ date: addDays(TODAY, -1), trigger: 'complaint', reason: '投诉' }));
    expect(error.refusals!.map((r) => r.rule)).toEqual(['past-date']);
    expect(written).toEqual(['event refused of no plan']);
    await expect(file({ date: addDays(TODAY, -1), trigger: 'emergency', reason: '燃气泄漏' })).resolves.toBeDefined();
    expect((await refusal(file({ date: addDays(TODAY, -2), trigger: 'emergency', reason: '燃气泄漏' }))).refusals!.map((r) => r.rule)).toEqual(['past-date']);
  });

  it('locks an agency out of the days around an inspection whose code is issued, naming its agencies', async () => {
    const coded = [{ leadPlanId: 'P2', inspectionDate: addDays(TODAY, 12), agencyId: 'A2' }];
    const { file, written } = filingIn({ coded });
    const error = await refusal(file({}));
    expect(error.refusals).toEqual([expect.objectContaining({ rule: 'joint-lock-out', message: expect.stringContaining('市消防救援支队'), remedy: expect.stringContaining(addDays(TODAY, 20)) })]);
    expect(written).toEqual(['event refused of no plan']);
    // An emergency is never locked out.
    await expect(file({ trigger: 'emergency', reason: '燃气泄漏' })).resolves.toBeDefined();
  });

  it("refuses another agency's officers or items, and officers off duty, before judging or writing anything", async () => {
    const { file, written } = filingIn({ enterprise: { lowTouch: true } });
    const officers = await refusal(file({ officerIds: ['O1', 'O2'] }));
    expect(officers.code).toBe(ErrorCode.ValidationFailed);
    expect(officers.fields).toEqual([{ field: 'officerIds', reason: '不是本部门的执法人员：O2' }]);
    const offDuty = await refusal(file({ officerIds: ['O1', 'O3'] }));
    expect(offDuty.fields).toEqual([{ field: 'officerIds', reason: '执法人员已停用：王强' }]);
    const items = await refusal(file({ itemIds: ['I1', 'NOPE'] }));
    expect(items.fields).toEqual([{ field: 'itemIds', reason: '不是本部门的检查事项：NOPE' }]);
    expect(written).toEqual([]);
  });

  it('files a plan under a published campaign it fits, and refuses one out of its scope or period, recording the attempt', async () => {
    const { file, written } = filingIn({ campaign: {} });
    await file({ campaignId: 'C1' });
    expect(written[0]).toBe(`insert plan A1 ${addDays(TODAY, 10)} officers O1 items I1 campaign C1`);
    written.length = 0;
    const outside = await refusal(file({ campaignId: 'C1', date: addDays(TODAY, 61) }));
    expect(outside.code).toBe(ErrorCode.RuleRefused);
    expect(outside.refusals!.map((r) => r.rule)).toEqual(['campaign-period']);
    expect(written).toEqual(['event refused of no plan']);
    const other = filingIn({ campaign: { agencyIds: ['A2'], industries: ['retail'] } });
    expect((await refusal(other.file({ campaignId: 'C1' }))).refusals!.map((r) => r.rule)).toEqual(['campaign-agency', 'campaign-scope']);
    expect(other.written).toEqual(['event refused of no plan']);
  });

  it("answers 404 for an unknown campaign and for another agency's unpublished one", async () => {
    const { file, written } = filingIn({ campaign: { status: 'approved', ownerAgencyId: 'A2', agencyIds: ['A1', 'A2'] } });
    expect((await refusal(file({ campaignId: 'C1' }))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(file({ campaignId: 'C9' }))).code).toBe(ErrorCode.NotFound);
    expect(written).toEqual([]);
    const own = filingIn({ campaign: { status: 'approved' } });
    expect((await refusal(own.file({ campaignId: 'C1' }))).refusals!.map((r) => r.rule)).toEqual(['campaign-unpublished']);
  });

  it('is for agency staff only: an overseer is refused before the enterprise is locked', async () => {
    let locked = false;
    const serial = { run: async () => { locked = true; } } as unknown as EnterpriseSerial;
    const filing = new FilePlan(serial, {} as FilingCheck, {} as PlanRepository, {} as OfficerRepository, {} as ItemRepository, {} as PlanHistory, {} as Regrouping, {} as PlanViews, {} as AgencyRepository, {} as CampaignLink);
    const error = await refusal(filing.file({ ...officer1, role: Role.Supervisor, agencyId: null }, plan(), NOW));
    expect(error.code).toBe(ErrorCode.Forbidden);
    expect(locked).toBe(false);
  });

  describe('a visit that is not an inspection (回访、服务走访)', () => {
    it('is filed today without items or trigger, never waits for approval, and regroups (alone)', async () => {
      const { file, written } = filingIn({ approval: true, enterprise: { lowTouch: true }, coded: [{ leadPlanId: 'L2', inspectionDate: TODAY, agencyId: 'A2' }], pendingReview: 'X1' });
      await expect(file({ kind: 'return-visit', date: TODAY, trigger: undefined, itemIds: undefined, reason: '处罚后回访' })).resolves.toEqual({ id: expect.any(String) });
      expect(written).toEqual([`insert plan A1 ${TODAY} officers O1 items  return-visit ZF planned`, 'event filed of plan', 'trail filed', 'regroup 91440300708461136T']);
    });

    it('is refused for a past date, with the refusal on the history, and for items, before anything is locked', async () => {
      const { file, written } = filingIn();
      const past = await refusal(file({ kind: 'policy-visit', date: addDays(TODAY, -1), itemIds: [] }));
      expect(past.refusals?.map((r) => r.rule)).toEqual(['past-date']);
      expect(written).toEqual(['event refused of no plan']);
      const items = await refusal(file({ kind: 'research-visit', date: TODAY, itemIds: ['I1'] }));
      expect(items.fields).toEqual([{ field: 'itemIds', reason: '回访、服务走访不填写检查事项' }]);
      const noItems = await refusal(file({ itemIds: [] }));
      expect(noItems.fields).toEqual([{ field: 'itemIds', reason: '至少选择一项检查事项' }]);
      expect(written).toEqual(['event refused of no plan']);
    });
  });
});
