import type { SatisfactionTrendView, VisitsPerEnterpriseView, YearOnYearView } from '@mashang/shared';
import { api } from '../../services/request';

/** The dashboard's yearly sections (执法监测), one request each. */
export function yearOnYear(year: number): Promise<YearOnYearView> {
  return api.get<YearOnYearView>('/api/supervision/dashboard/year-on-year', { year });
}

export function visitsPerEnterprise(year: number, top = 10): Promise<VisitsPerEnterpriseView> {
  return api.get<VisitsPerEnterpriseView>('/api/supervision/dashboard/visits-per-enterprise', { year, top });
}

/** One agency's months, or every agency's together when `agencyId` is empty. */
export function satisfactionTrend(year: number, agencyId = ''): Promise<SatisfactionTrendView> {
  return api.get<SatisfactionTrendView>('/api/supervision/dashboard/satisfaction-trend', agencyId ? { year, agencyId } : { year });
}
