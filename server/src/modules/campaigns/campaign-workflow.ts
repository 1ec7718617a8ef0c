import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { campaignChain, campaignPeriodProblem, Role, userActor, type CampaignDetail, type CampaignTrailKind, type SessionUser } from '@mashang/shared';
import { Transactions, type Tx } from '../../infra/database/tx.js';
import { forbidden, invalid, notFound } from '../../infra/errors/domain-error.js';
import { AgencyRepository, ItemRepository } from '../registry/index.js';
import { TrailRepository } from '../trail/index.js';
import { CampaignRepository, type CampaignFields, type CampaignStep, type StoredCampaign } from './campaign.repository.js';
import { assertEditable, decisionStep, draftOwner, mayKeep, publishStep, submitStep } from './campaign-transitions.js';
import { CampaignViews } from './campaign-views.js';
import type { CampaignDto } from './dto/campaign.dto.js';

/**
 * 专项检查 from draft to publication: an agency admin (for its agency) or a supervisor (for the city)
 * drafts and submits; a supervisor approves or returns it with reasons; approved, it is published by
 * whoever drafted it (or a supervisor) within a month. Every step is appended to the campaign's own
 * trail (`campaign:<id>`) in the step's transaction.
 */
@Injectable()
export class CampaignWorkflow {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(CampaignViews) private readonly views: CampaignViews,
  ) {}

  async draft(user: SessionUser, input: CampaignDto, now = new Date()): Promise<CampaignDetail> {
    const fields = fieldsOf(input);
    const ownerAgencyId = draftOwner(user, fields.agencyIds);
    const id = randomUUID();
    await this.transactions.run(async (tx) => {
      await this.checkFields(fields, tx);
      await this.campaigns.insert({ id, ...fields, ownerAgencyId, createdAt: now, createdBy: userActor(user) }, tx);
      await this.record(id, 'campaign-drafted', user, now, { ...fields }, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id, now);
  }

  async edit(user: SessionUser, id: string, input: CampaignDto, now = new Date()): Promise<CampaignDetail> {
    const fields = fieldsOf(input);
    await this.transactions.run(async (tx) => {
      const campaign = await this.kept(user, id, tx);
      assertEditable(campaign);
      if (campaign.ownerAgencyId && !fields.agencyIds.includes(campaign.ownerAgencyId)) throw invalid('agencyIds', '牵头拟定的本部门须参加该专项检查');
      await this.checkFields(fields, tx);
      await this.campaigns.updateFields(id, fields, tx);
      await this.record(id, 'campaign-edited', user, now, { ...fields }, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id, now);
  }

  submit(user: SessionUser, id: string, now = new Date()): Promise<CampaignDetail> {
    return this.change(user, id, now, 'campaign-submitted', (c) => submitStep(c, now));
  }

  /** The supervisor (司法局) approves or returns a submitted campaign. */
  async decide(user: SessionUser, id: string, approve: boolean, note: string | undefined, now = new Date()): Promise<CampaignDetail> {
    if (user.role !== Role.Supervisor) throw forbidden('专项检查由执法监督人员（司法局）审批');
    await this.transactions.run(async (tx) => {
      const campaign = await this.campaigns.lock(id, tx);
      if (!campaign) throw notFound('专项检查');
      const step = decisionStep(campaign, approve, note, now);
      await this.campaigns.step(id, step, tx);
      await this.record(id, approve ? 'campaign-approved' : 'campaign-returned', user, now, { note: step.decisionNote ?? null, ...(step.publishDue ? { publishDue: step.publishDue } : {}) }, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id, now);
  }

  /** Publishing is the drafter's (or any supervisor's); a late publication says so on the trail. */
  async publish(user: SessionUser, id: string, now = new Date()): Promise<CampaignDetail> {
    await this.transactions.run(async (tx) => {
      const campaign = await this.campaigns.lock(id, tx);
      if (!campaign) throw notFound('专项检查');
      if (!mayKeep(user, campaign) && user.role !== Role.Supervisor) throw forbidden('只有拟定该专项检查的部门或执法监督人员可以公布');
      const step = publishStep(campaign, now);
      await this.campaigns.step(id, step, tx);
      await this.record(id, 'campaign-published', user, now, { publishDue: campaign.publishDue }, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id, now);
  }

  private async change(user: SessionUser, id: string, now: Date, kind: CampaignTrailKind, next: (c: StoredCampaign) => CampaignStep): Promise<CampaignDetail> {
    await this.transactions.run(async (tx) => {
      const campaign = await this.kept(user, id, tx);
      await this.campaigns.step(id, next(campaign), tx);
      await this.record(id, kind, user, now, {}, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id, now);
  }

  /** The campaign, locked, when the user keeps it; 404 for one they may not even read. */
  private async kept(user: SessionUser, id: string, tx: Tx): Promise<StoredCampaign> {
    const campaign = await this.campaigns.lock(id, tx);
    if (!campaign || !this.views.mayRead(user, campaign)) throw notFound('专项检查');
    if (!mayKeep(user, campaign)) throw forbidden('只有拟定该专项检查的部门可以修改或提交');
    return campaign;
  }

  /** The agencies and items must be in their registers; the period must run forwards, at most a year. */
  private async checkFields(f: CampaignFields, tx: Tx): Promise<void> {
    const period = campaignPeriodProblem(f.periodFrom, f.periodTo);
    if (period) throw invalid('periodTo', period);
    const names = await this.agencies.namesOf(f.agencyIds, tx);
    const unknownAgencies = f.agencyIds.filter((a) => !names.has(a));
    if (unknownAgencies.length) throw invalid('agencyIds', `执法部门不在名录中：${unknownAgencies.join('、')}`);
    const items = await this.items.byIds(f.itemIds, tx);
    const unknownItems = f.itemIds.filter((i) => !items.some((item) => item.id === i));
    if (unknownItems.length) throw invalid('itemIds', `检查事项不在清单中：${unknownItems.join('、')}`);
  }

  private async record(id: string, kind: CampaignTrailKind, user: SessionUser, at: Date, detail: Record<string, unknown>, tx: Tx): Promise<void> {
    await this.trail.append({ inspectionId: campaignChain(id), kind, actor: userActor(user), at, detail }, tx);
  }
}

function fieldsOf(input: CampaignDto): CampaignFields {
  return {
    name: input.name.trim(), summary: input.summary?.trim() ?? '', industries: input.industries.map((i) => i.trim()), regionPrefixes: [...input.regionPrefixes],
    itemIds: [...input.itemIds], agencyIds: [...input.agencyIds], periodFrom: input.periodFrom, periodTo: input.periodTo,
  };
}
