import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, userActor, type OnsiteInspectionView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { invalid } from '../../../infra/errors/domain-error.js';
import { PlanProgressRepository } from '../../plans/index.js';
import { ItemRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { alreadyRecorded } from '../client-key.js';
import type { FindingDto } from '../dto/onsite.dto.js';
import { eventTime } from '../event-time.js';
import { FindingRepository } from '../finding.repository.js';
import { OfficerPlans } from '../officer-plan.js';
import { OnsiteView } from '../view/onsite-view.js';

/** Records the result of one item; a later finding for the same item supersedes the earlier one (both stay in the trail). */
@Injectable()
export class RecordFinding {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OfficerPlans) private readonly officerPlans: OfficerPlans,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(OnsiteView) private readonly views: OnsiteView,
  ) {}

  async record(user: SessionUser, planId: string, input: FindingDto, now = new Date()): Promise<OnsiteInspectionView> {
    // A replayed upload is answered as already recorded before any rule is checked again (the state has moved on since).
    if (await this.findings.hasKey(user.id, input.clientKey)) throw alreadyRecorded('检查结果');
    const at = eventTime(input.at, now, this.config.onsite.offlineMaxAgeHours);
    if (input.outcome === 'rectify') {
      if (!input.rectifyBy) throw invalid('rectifyBy', '责令整改须写明整改期限');
      if (input.rectifyBy < shanghaiDate(at)) throw invalid('rectifyBy', '整改期限不能早于检查当天');
    }
    await this.transactions.run(async (tx) => {
      const plan = await this.officerPlans.planOfOfficer(user, planId, { open: true }, tx);
      const [item] = (await this.plans.hasItem(plan.id, input.itemId, tx)) ? await this.items.namesOf([input.itemId], tx) : [];
      if (item === undefined) throw invalid('itemId', '不是本次检查计划中的检查事项');
      const rectifyBy = input.outcome === 'rectify' ? input.rectifyBy! : null;
      const note = input.note?.trim() || null;
      const finding = { itemId: input.itemId, outcome: input.outcome, rectifyBy, note, at };
      if (!(await this.findings.insertOnce(plan.id, { ...finding, recordedBy: user.id, clientKey: input.clientKey }, tx))) throw alreadyRecorded('检查结果');
      await this.trail.append({ inspectionId: plan.id, kind: 'finding', actor: userActor(user), detail: { itemId: input.itemId, item, outcome: input.outcome, rectifyBy, note, at: at.toISOString() }, at: now }, tx);
    }, 'READ COMMITTED');
    return this.views.view(planId);
  }
}
