import type { EnterpriseVisitCounts, EnterpriseVisitView } from '@mashang/shared';
import { api } from './request';

/** With the enterprise's session, not an officer's (see services/enterprise.ts). */
const AS_ENTERPRISE = { enterprise: true };

/** Its visits that are not inspections (回访、服务走访), newest first. */
export function enterpriseVisits(): Promise<EnterpriseVisitView[]> {
  return api.get<EnterpriseVisitView[]>('/api/enterprise/visits', undefined, AS_ENTERPRISE);
}

/** 被走访频次: inspections and visits of the last 365 days, apart and together. */
export function enterpriseVisitCounts(): Promise<EnterpriseVisitCounts> {
  return api.get<EnterpriseVisitCounts>('/api/enterprise/visit-counts', undefined, AS_ENTERPRISE);
}
