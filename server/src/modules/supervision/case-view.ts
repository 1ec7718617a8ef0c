import { ErrorCode, shanghaiDate, type CaseListItem } from '@mashang/shared';
import { DomainError, forbidden } from '../../infra/errors/domain-error.js';
import type { CaseUnderLock, QueuedCase } from '../flags/index.js';
import { isOverdue, type CaseState } from './case-workflow.js';

/** The names a listed case shows beside its ids; null where the id is unknown to its register. */
export interface CaseNamesOf {
  agencyName: string | null;
  enterpriseName: string | null;
  officerName: string | null;
  assigneeName: string | null;
}

/** What the workflow's rules know of a case; `substancePassedOn` from its log, where a rule asks for it. */
export function stateOf(c: Pick<CaseUnderLock, 'status' | 'source' | 'agencyId' | 'creditCode' | 'deadline' | 'createdAt'>, substancePassedOn = false): CaseState {
  return { status: c.status, source: c.source, agencyId: c.agencyId, creditCode: c.creditCode, deadline: c.deadline, raisedOn: shanghaiDate(c.createdAt), substancePassedOn };
}

export function listItem(c: QueuedCase, names: CaseNamesOf, now: Date): CaseListItem {
  return {
    id: c.id,
    source: c.source,
    rule: c.rule,
    severity: c.severity,
    title: c.title,
    status: c.status,
    conclusion: c.conclusion,
    agencyId: c.agencyId,
    agencyName: names.agencyName,
    creditCode: c.creditCode,
    enterpriseName: names.enterpriseName,
    officerId: c.officerId,
    officerName: names.officerName,
    inspectionId: c.inspectionId,
    assigneeId: c.assigneeId,
    assigneeName: names.assigneeName,
    deadline: c.deadline,
    overdue: isOverdue(stateOf(c), shanghaiDate(now)),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A refused workflow step as the error the caller sees. */
export function refusal(decision: { reason: 'forbidden' | 'status' | 'input'; message: string; field?: string }): DomainError {
  if (decision.reason === 'forbidden') return forbidden(decision.message);
  if (decision.reason === 'status') return new DomainError(ErrorCode.Conflict, decision.message);
  return new DomainError(ErrorCode.ValidationFailed, decision.message, decision.field ? [{ field: decision.field, reason: decision.message }] : undefined);
}

/** Stored JSON as an object: a scalar or array under `value`, unreadable text under `text`. */
export function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : { value };
  } catch {
    return { text };
  }
}
