import type { VisitsByMonthView } from '@mashang/shared';
import { api } from '../../services/request';

/** Visits (回访、服务走访) and accompanied inspections per agency and month, counted apart from inspections. */
export function visitsByMonth(months = 12): Promise<VisitsByMonthView> {
  return api.get<VisitsByMonthView>('/api/supervision/visits', { months });
}
