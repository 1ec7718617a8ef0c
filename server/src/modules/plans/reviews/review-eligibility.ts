/** A result may be disputed within this long of its inspection's start (about six months). */
export const REVIEW_WINDOW_MS = 183 * 86_400_000;

/** The disputed inspection as the rule judges it. */
export interface DisputedInspection {
  agencyId: string;
  /** The inspecting agency's kind (industry). */
  agencyKind: string;
  startedAt: Date;
}

/**
 * Why an agency may not dispute this result (null when it may): not its own result, only a
 * same-industry agency's, and only a recent one.
 */
export function reviewRefusal(inspection: DisputedInspection, requester: { agencyId: string; kind: string | undefined }, now: Date): string | null {
  if (inspection.agencyId === requester.agencyId) return '不能对本部门自己的检查结果申请异议复查';
  if (inspection.agencyKind !== requester.kind) return '只能对同行业部门的检查结果申请异议复查';
  if (now.getTime() - inspection.startedAt.getTime() > REVIEW_WINDOW_MS) return '只能对近六个月内的检查结果申请异议复查';
  return null;
}
