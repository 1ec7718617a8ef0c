import type { EnterpriseDto, Page } from '@mashang/shared';
import type { Query } from './http';

export const ENTERPRISE_PAGE_SIZE = 20;

/** Query of GET /api/registry/enterprises for a search text and a 1-based page. */
export function enterpriseSearchQuery(text: string, page: number): Query {
  return { q: text.trim(), page, pageSize: ENTERPRISE_PAGE_SIZE };
}

/** Appends a further page to what is shown; page 1 starts over. */
export function mergeEnterprisePage(
  shown: EnterpriseDto[],
  next: Page<EnterpriseDto>,
): EnterpriseDto[] {
  if (next.page <= 1) return next.items;
  const seen = new Set(shown.map((enterprise) => enterprise.creditCode));
  return [...shown, ...next.items.filter((enterprise) => !seen.has(enterprise.creditCode))];
}

export function hasMorePages(page: Page<unknown>): boolean {
  return page.page * page.pageSize < page.total;
}

export function phoneLabel(maskedPhone: string | null): string {
  return maskedPhone ?? '未登记';
}

/** The line above the results: how many enterprises the query found (“烩面” 共 3 家企业), or none. */
export function searchSummary(query: string, total: number): string {
  if (!total) return '未找到匹配的企业';
  return `${query ? `“${query}” ` : ''}共 ${total} 家企业`;
}
