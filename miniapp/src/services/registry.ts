import { BOOKLET_TEXT, type EnterpriseDto, type ItemDto, type OfficerDto, type Page } from '@mashang/shared';
import { enterpriseSearchQuery } from '../logic/enterprise-search';
import { api } from './request';

export function searchEnterprises(text: string, page: number): Promise<Page<EnterpriseDto>> {
  return api.get<Page<EnterpriseDto>>('/api/registry/enterprises', enterpriseSearchQuery(text, page));
}

/** 一企一册: an enterprise's compliance booklet (PDF) to print or hand over on site. */
export function downloadBookletFor(enterprise: Pick<EnterpriseDto, 'creditCode' | 'name'>): Promise<void> {
  return api.download(`/api/booklets/${encodeURIComponent(enterprise.creditCode)}`, BOOKLET_TEXT.fileName(enterprise.name));
}

/** The most a registry list answers per page (the server's limit). */
const REGISTRY_PAGE_MAX = 100;
/** Enough for any agency's officers or items; a longer list is cut here rather than looping on. */
const REGISTRY_PAGES_MAX = 5;

async function allOwn<T>(path: string, filter: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= REGISTRY_PAGES_MAX; page++) {
    const result = await api.get<Page<T>>(path, { ...filter, page, pageSize: REGISTRY_PAGE_MAX });
    items.push(...result.items);
    if (page * REGISTRY_PAGE_MAX >= result.total) break;
  }
  return items;
}

/** The officers on duty of the caller's own agency (the server scopes the list): those a plan may name. */
export function listOwnOfficers(): Promise<OfficerDto[]> {
  return allOwn<OfficerDto>('/api/registry/officers', { active: 'true' });
}

/** The inspection items of the caller's own agency, with their legal basis and 无事不扰 flag. */
export function listOwnItems(): Promise<ItemDto[]> {
  return allOwn<ItemDto>('/api/registry/items');
}
