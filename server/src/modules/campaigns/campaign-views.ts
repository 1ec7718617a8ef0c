import { Inject, Injectable } from '@nestjs/common';
import {
  campaignChain, campaignStatus, CAMPAIGN_TRAIL_KINDS, publicationOverdue, Role, seesAllAgencies, shanghaiDate, toShanghaiIso,
  type CampaignDetail, type CampaignFilter, type CampaignTrailKind, type CampaignView, type Page, type PublicCampaignView, type SessionUser,
} from '@mashang/shared';
import type { Paging } from '../../infra/database/entity-table.js';
import { notFound } from '../../infra/errors/domain-error.js';
import { AgencyRepository, ItemRepository } from '../registry/index.js';
import { TrailRepository } from '../trail/index.js';
import { CampaignRepository, type StoredCampaign } from './campaign.repository.js';

/** The public page lists this many campaigns at most (a city publishes a few a year). */
const PUBLIC_LIMIT = 100;
/** A city has a few hundred agencies. */
const AGENCY_CHOICES_MAX = 2000;

const iso = (d: Date | null) => (d ? toShanghaiIso(d) : null);

/** How campaigns read: in the console, in the officer's plan form, and on the public page. */
@Injectable()
export class CampaignViews {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /** Overseers read every campaign; an agency's admin its own drafts; its staff the published ones it joins. */
  mayRead(user: SessionUser, c: Pick<StoredCampaign, 'ownerAgencyId' | 'status' | 'agencyIds'>): boolean {
    if (seesAllAgencies(user.role)) return true;
    if (!user.agencyId) return false;
    return (user.role === Role.AgencyAdmin && c.ownerAgencyId === user.agencyId) || (c.status === 'published' && c.agencyIds.includes(user.agencyId));
  }

  async list(user: SessionUser, status: CampaignFilter, paging: Paging, now = new Date()): Promise<Page<CampaignView>> {
    const today = shanghaiDate(now);
    const agencyId = seesAllAgencies(user.role) ? null : (user.agencyId ?? '-');
    const { items, total } = await this.campaigns.page({ agencyId, status, today }, paging);
    return { items: await this.viewsOf(items, today), total, page: paging.page, pageSize: paging.pageSize };
  }

  async detail(user: SessionUser, id: string, now = new Date()): Promise<CampaignDetail> {
    const campaign = await this.campaigns.find(id);
    if (!campaign || !this.mayRead(user, campaign)) throw notFound('专项检查');
    const [view] = await this.viewsOf([campaign], shanghaiDate(now));
    const entries = await this.trail.entries(campaignChain(id));
    const history = entries
      .filter((e) => (CAMPAIGN_TRAIL_KINDS as readonly string[]).includes(e.kind))
      .map((e) => {
        const detail = JSON.parse(e.detail) as { note?: string | null };
        return { kind: e.kind as CampaignTrailKind, actor: e.actor, at: toShanghaiIso(e.at), note: detail.note ?? null };
      });
    return { ...view, history };
  }

  /** The published campaigns in their period that the officer's agency joins: what a plan may be filed under. */
  async joinable(user: SessionUser, now = new Date()): Promise<CampaignView[]> {
    if (!user.agencyId) return [];
    const today = shanghaiDate(now);
    return this.viewsOf(await this.campaigns.published({ today, withClosed: false, agencyId: user.agencyId }, PUBLIC_LIMIT), today);
  }

  /** Every agency by name, for the form's choice of those joining (a drafter picks other agencies than its own). */
  async agencyChoices(): Promise<{ id: string; name: string }[]> {
    const { rows } = await this.agencies.list({ onlyId: null }, { page: 1, pageSize: AGENCY_CHOICES_MAX });
    return rows.map((a) => ({ id: a.id, name: a.name }));
  }

  /** Anyone: published campaigns, those in their period first, with scope, period and agencies by name. */
  async publicList(now = new Date()): Promise<PublicCampaignView[]> {
    const today = shanghaiDate(now);
    const views = await this.viewsOf(await this.campaigns.published({ today, withClosed: true, agencyId: null }, PUBLIC_LIMIT), today);
    const ordered = [...views.filter((v) => v.status === 'published'), ...views.filter((v) => v.status !== 'published')];
    return ordered.map((v) => ({
      id: v.id, name: v.name, summary: v.summary, status: v.status as PublicCampaignView['status'], industries: v.industries, regionPrefixes: v.regionPrefixes,
      itemNames: v.itemNames, agencyNames: v.agencyNames, periodFrom: v.periodFrom, periodTo: v.periodTo, publishedAt: v.publishedAt ?? '',
    }));
  }

  private async viewsOf(campaigns: StoredCampaign[], today: string): Promise<CampaignView[]> {
    const agencyIds = [...new Set(campaigns.flatMap((c) => [...c.agencyIds, ...(c.ownerAgencyId ? [c.ownerAgencyId] : [])]))];
    const agencyNames = await this.agencies.namesOf(agencyIds);
    const itemIds = [...new Set(campaigns.flatMap((c) => c.itemIds))];
    const itemNames = new Map((await this.items.byIds(itemIds)).map((i) => [i.id, i.name]));
    return campaigns.map((c) => {
      const status = campaignStatus(c.status, c.periodTo, today);
      return {
        id: c.id, name: c.name, summary: c.summary, status,
        ownerAgencyId: c.ownerAgencyId, ownerAgencyName: c.ownerAgencyId ? (agencyNames.get(c.ownerAgencyId) ?? null) : null,
        industries: c.industries, regionPrefixes: c.regionPrefixes,
        itemIds: c.itemIds, itemNames: c.itemIds.map((i) => itemNames.get(i)).filter((n): n is string => !!n),
        agencyIds: c.agencyIds, agencyNames: c.agencyIds.map((a) => agencyNames.get(a)).filter((n): n is string => !!n),
        periodFrom: c.periodFrom, periodTo: c.periodTo, decisionNote: c.decisionNote,
        submittedAt: iso(c.submittedAt), approvedAt: iso(c.approvedAt), publishDue: c.publishDue,
        overdue: publicationOverdue({ status, publishDue: c.publishDue }, today), publishedAt: iso(c.publishedAt),
      };
    });
  }
}
