import { Inject, Injectable } from '@nestjs/common';
import type { DecisionMeasure } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { CaseProcedureRepository, type ProcedureCase } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';

/** Issues a decision: the case is decided, and its exchange row carries the fine and the level (the nightly rules read it). */
@Injectable()
export class IssueDecision {
  constructor(
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
  ) {}

  async issue(c: ProcedureCase, decision: { fine: number; measures: DecisionMeasure[]; reviewId: string | null }, actor: string, at: Date, tx: Tx): Promise<void> {
    await this.cases.update(c.id, { status: 'decided', decidedAt: at, fine: decision.fine }, { stage: 'decided', decisionFine: decision.fine, measures: decision.measures }, at, tx);
    await this.trail.record(c.id, 'case-decided', actor, { fine: decision.fine, level: c.discretionLevel, measures: decision.measures, reviewId: decision.reviewId }, at, tx);
  }
}
