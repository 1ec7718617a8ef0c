import { Inject, Injectable } from '@nestjs/common';
import type { TrailKind } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import { TrailRepository } from '../trail/index.js';

/**
 * A penalty case's own hash chain on the trail, keyed by its case number (the trail's chains are
 * keyed by the record they follow); filing also lands on the inspection that found the violation.
 */
@Injectable()
export class CaseTrail {
  constructor(@Inject(TrailRepository) private readonly trail: TrailRepository) {}

  async record(caseId: string, kind: TrailKind, actor: string, detail: Record<string, unknown>, at: Date, tx: Tx): Promise<void> {
    await this.trail.append({ inspectionId: caseId, kind, actor, detail, at }, tx);
  }

  async recordOnInspection(inspectionId: string, kind: TrailKind, actor: string, detail: Record<string, unknown>, at: Date, tx: Tx): Promise<void> {
    await this.trail.append({ inspectionId, kind, actor, detail, at }, tx);
  }
}
