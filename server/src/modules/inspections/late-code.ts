import type { EntityManager } from 'typeorm';
import { raiseFlag } from '../supervision/flags.js';
import { appendTrail } from './trail.js';

export interface LateCode {
  planId: string;
  agencyId: string;
  creditCode: string;
  checkedInAt: string | null;
  codeDueAt: string;
  /** When the code was filed at last; absent while it still is not. */
  codedAt?: string;
}

/**
 * 先检查后补码 missed: an emergency inspection's code was not filed by its deadline. A flagged case
 * for the supervisor, once per plan, and a `code-overdue` step on the inspection's trail.
 */
export async function raiseLateCode(manager: EntityManager, late: LateCode, actor: string, at = new Date()): Promise<void> {
  const evidence = { planId: late.planId, checkedInAt: late.checkedInAt, codeDueAt: late.codeDueAt, ...(late.codedAt ? { codedAt: late.codedAt } : {}) };
  const flag = await raiseFlag(manager, {
    dedupeKey: `emergency-code:${late.planId}`, source: 'emergency-code', subjectType: 'inspection', subjectId: late.planId,
    agencyId: late.agencyId, creditCode: late.creditCode, inspectionId: late.planId, severity: 'high',
    title: '紧急检查入企后未在期限内补报检查码', evidence, actor,
  }, at);
  if (flag.created) await appendTrail(manager, late.planId, 'code-overdue', actor, evidence, at);
}
