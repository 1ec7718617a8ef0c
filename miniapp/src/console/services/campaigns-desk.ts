import type { CampaignDecisionRequest, CampaignDetail, CampaignFilter, CampaignProgress, CampaignRequest, CampaignView, ItemDto, Page } from '@mashang/shared';
import { api } from '../../services/request';
import { CAMPAIGN_PAGE_SIZE } from '../logic/campaigns';

const path = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export function listCampaigns(status: CampaignFilter, page: number): Promise<Page<CampaignView>> {
  return api.get<Page<CampaignView>>('/api/campaigns', { status, page, pageSize: CAMPAIGN_PAGE_SIZE });
}

export function campaignDetail(id: string): Promise<CampaignDetail> {
  return api.get<CampaignDetail>(path(id));
}

export function draftCampaign(request: CampaignRequest): Promise<CampaignDetail> {
  return api.post<CampaignDetail>('/api/campaigns', request);
}

export function editCampaign(id: string, request: CampaignRequest): Promise<CampaignDetail> {
  return api.put<CampaignDetail>(path(id), request);
}

export function submitCampaign(id: string): Promise<CampaignDetail> {
  return api.post<CampaignDetail>(`${path(id)}/submit`, {});
}

export function decideCampaign(id: string, request: CampaignDecisionRequest): Promise<CampaignDetail> {
  return api.post<CampaignDetail>(`${path(id)}/decision`, request);
}

export function publishCampaign(id: string): Promise<CampaignDetail> {
  return api.post<CampaignDetail>(`${path(id)}/publish`, {});
}

/** Plans filed and finished under each campaign. */
export function campaignProgress(ids: string[]): Promise<CampaignProgress[]> {
  return ids.length ? api.get<CampaignProgress[]>('/api/plans/campaign-progress', { ids: ids.join(',') }) : Promise.resolve([]);
}

/** Items of the register matching a search (an agency admin's own agency's). */
export async function searchItems(q: string): Promise<ItemDto[]> {
  return (await api.get<Page<ItemDto>>('/api/registry/items', { ...(q.trim() ? { q: q.trim() } : {}), page: 1, pageSize: 50 })).items;
}

/** Every agency a campaign may name as joining. */
export function campaignAgencies(): Promise<{ id: string; name: string }[]> {
  return api.get<{ id: string; name: string }[]>('/api/campaigns/agencies');
}
