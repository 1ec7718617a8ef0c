import type { SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import type { CaseUnderLock, FlaggedCaseQueueRepository } from '../../flags/index.js';
import { maySee } from '../case-workflow.js';

/** Locks a case the user may see for a step in the caller's transaction; refuses an unknown case or another agency's. */
export async function lockVisibleCase(queue: FlaggedCaseQueueRepository, user: SessionUser, id: string, tx: Tx): Promise<CaseUnderLock> {
  const row = await queue.lock(id, tx);
  if (!row) throw notFound('监督案件');
  if (!maySee(user, row.agencyId)) throw forbidden('不能访问其他部门的数据');
  return row;
}
