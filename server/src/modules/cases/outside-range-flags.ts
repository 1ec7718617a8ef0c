import { Inject, Injectable } from '@nestjs/common';
import type { DiscretionAssessment } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import { FlagRaiser } from '../flags/index.js';
import type { ProcedureCase } from './case-procedure.repository.js';

/** A fine outside the benchmark's range, with its written reason, goes to the supervisors as a flagged case. */
@Injectable()
export class OutsideRangeFlags {
  constructor(@Inject(FlagRaiser) private readonly flags: FlagRaiser) {}

  async raise(
    input: { case: ProcedureCase; step: 'notice' | 'decision'; fine: number; assessment: DiscretionAssessment; reason: string; actor: string },
    at: Date,
    tx: Tx,
  ): Promise<void> {
    const c = input.case;
    await this.flags.raiseOne({
      dedupeKey: `discretion:${c.id}:${input.step}:${input.fine}`,
      source: 'discretion', rule: null, subjectType: 'penalty-case', subjectId: c.id, agencyId: c.agencyId, creditCode: c.creditCode,
      inspectionId: c.inspectionId, severity: 'medium',
      title: `${input.step === 'notice' ? '拟罚款' : '决定罚款'}超出裁量幅度：案件 ${c.id}`,
      evidence: {
        caseId: c.id, cause: c.cause, level: input.assessment.level, points: input.assessment.points, fine: input.fine,
        minFine: input.assessment.range.min, maxFine: input.assessment.range.max, reason: input.reason,
      },
      actor: input.actor,
    }, at, tx);
  }
}
