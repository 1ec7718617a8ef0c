import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/tx.js';
import { TrailRepository } from '../trail/index.js';
import { PlanEventRepository, type PlanEventEntry } from './plan-event.repository.js';

/**
 * Records what happens to plans: every event in the plan's history, and each one that is a step of
 * the inspection (all but refused attempts, which never became one) on its trail as well.
 */
@Injectable()
export class PlanHistory {
  constructor(
    @Inject(PlanEventRepository) private readonly events: PlanEventRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async record(event: PlanEventEntry, tx: Tx): Promise<void> {
    await this.events.append(event, tx);
    if (event.planId && event.kind !== 'refused') {
      await this.trail.append({ inspectionId: event.planId, kind: event.kind, actor: event.actor, detail: event.detail, at: event.at }, tx);
    }
  }
}
