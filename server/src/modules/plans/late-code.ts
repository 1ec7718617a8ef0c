import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/tx.js';
import { FlagRaiser } from '../flags/index.js';
import { TrailRepository } from '../trail/index.js';

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
@Injectable()
export class LateCodes {
  constructor(
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async raise(late: LateCode, actor: string, at: Date, tx: Tx): Promise<void> {
    const evidence = { planId: late.planId, checkedInAt: late.checkedInAt, codeDueAt: late.codeDueAt, ...(late.codedAt ? { codedAt: late.codedAt } : {}) };
    const flag = await this.flags.raiseOne({
      dedupeKey: `emergency-code:${late.planId}`, source: 'emergency-code', subjectType: 'inspection', subjectId: late.planId,
      agencyId: late.agencyId, creditCode: late.creditCode, inspectionId: late.planId, severity: 'high',
      title: '紧急检查入企后未在期限内补报检查码', evidence, actor,
    }, at, tx);
    if (flag.created) await this.trail.append({ inspectionId: late.planId, kind: 'code-overdue', actor, detail: evidence, at }, tx);
  }
}
