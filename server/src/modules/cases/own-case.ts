import { ErrorCode, PENALTY_STAGE_LABELS, type PenaltyStage, type SessionUser } from '@mashang/shared';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import type { ProcedureCase } from './case-procedure.repository.js';

/** The case, when it exists, belongs to the user's agency and stands at one of `stages`. */
export function ownCaseAt(c: ProcedureCase | null, user: SessionUser, stages: readonly PenaltyStage[]): ProcedureCase {
  if (!c) throw notFound('案件');
  if (!user.agencyId || c.agencyId !== user.agencyId) throw forbidden('只能办理本部门的案件');
  if (!stages.includes(c.stage)) {
    throw new DomainError(ErrorCode.Conflict, `案件${PENALTY_STAGE_LABELS[c.stage]}，不能执行此操作`);
  }
  return c;
}
