import type { AccompanyAnswer } from '@mashang/shared';
import { api } from './request';

/** 陪同执法: joins another agency's inspection by its plan code (计划编码). */
export function accompany(planCode: string): Promise<AccompanyAnswer> {
  return api.post<AccompanyAnswer>('/api/plans/accompany', { planCode });
}
