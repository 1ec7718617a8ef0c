import type { EnterpriseDto, Page } from '@mashang/shared';
import { enterpriseSearchQuery } from '../logic/enterprise-search';
import { api } from './request';

export function searchEnterprises(text: string, page: number): Promise<Page<EnterpriseDto>> {
  return api.get<Page<EnterpriseDto>>('/api/registry/enterprises', enterpriseSearchQuery(text, page));
}
