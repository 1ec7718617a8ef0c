import type { EnterpriseDto, Page } from '@mashang/shared';
import {
  ENTERPRISE_PAGE_SIZE,
  enterpriseSearchQuery,
  hasMorePages,
  mergeEnterprisePage,
  phoneLabel,
  searchSummary,
} from './enterprise-search';

function enterprise(creditCode: string, name = `企业${creditCode.slice(-2)}`): EnterpriseDto {
  return {
    creditCode,
    name,
    industry: '餐饮',
    region: '鼓楼区',
    phone: '138****5678',
    creditGrade: 'A',
    lowTouch: false,
  };
}

function page(items: EnterpriseDto[], pageNumber: number, total: number): Page<EnterpriseDto> {
  return { items, page: pageNumber, pageSize: ENTERPRISE_PAGE_SIZE, total };
}

describe('enterpriseSearchQuery', () => {
  it('trims the text and asks for 20 per page', () => {
    expect(enterpriseSearchQuery('  开封  ', 2)).toEqual({ q: '开封', page: 2, pageSize: 20 });
  });
});

describe('mergeEnterprisePage', () => {
  const first = [enterprise('91410200MA00000001'), enterprise('91410200MA00000002')];

  it('starts over on page 1', () => {
    const fresh = [enterprise('91410200MA00000009')];
    expect(mergeEnterprisePage(first, page(fresh, 1, 1))).toEqual(fresh);
  });

  it('appends later pages without repeating an enterprise that shifted across pages', () => {
    const next = [enterprise('91410200MA00000002'), enterprise('91410200MA00000003')];
    expect(mergeEnterprisePage(first, page(next, 2, 23)).map((e) => e.creditCode)).toEqual([
      '91410200MA00000001',
      '91410200MA00000002',
      '91410200MA00000003',
    ]);
  });
});

describe('hasMorePages', () => {
  it('compares what pages so far cover with the total', () => {
    expect(hasMorePages(page([], 1, 21))).toBe(true);
    expect(hasMorePages(page([], 1, 20))).toBe(false);
    expect(hasMorePages(page([], 2, 40))).toBe(false);
    expect(hasMorePages(page([], 1, 0))).toBe(false);
  });
});

describe('phoneLabel', () => {
  it('shows the masked phone or says none is registered', () => {
    expect(phoneLabel('138****5678')).toBe('138****5678');
    expect(phoneLabel(null)).toBe('未登记');
  });

  it('sums up a search, quoting the query when there is one', () => {
    expect(searchSummary('烩面', 3)).toBe('“烩面” 共 3 家企业');
    expect(searchSummary('', 120)).toBe('共 120 家企业');
    expect(searchSummary('没有这家', 0)).toBe('未找到匹配的企业');
  });
});
