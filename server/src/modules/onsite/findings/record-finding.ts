import { Inject, Injectable } from '@nestjs/common';
import { colourOfFinding, shanghaiDate, userActor, type OnsiteInspectionView, type SessionUser, type ViolationColour } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions, type Tx } from '../../../infra/database/tx.js';
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
import { ViolationClassing } from './violation-classing.js';

/**
 * Records the result of one item; a later finding for the same item supersedes the earlier one (both stay in
 * the trail). In a joint inspection an officer may record another agency's item (一表通查): the finding goes
 * to that agency's plan, the officer named in the trail. A violation or rectification is classed 三色 per the
 * item's agency's list; a pass costs no more than before.
 */
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
    @Inject(ViolationClassing) private readonly classing: ViolationClassing,
  ) {}

  async record(user: SessionUser, planId: string, input: FindingDto, now = new Date()): Promise<OnsiteInspectionView> {
    // A replayed upload is answered as already recorded before any rule is checked again (the state has moved on since).
    if (await this.findings.hasKey(user.id, input.clientKey)) throw alreadyRecorded('检查结果');
    const at = eventTime(input.at, now, this.config.onsite.offlineMaxAgeHours);
    // Green (首违不罚) is put right on the spot: its deadline is the day itself unless one is given.
    const deadline = input.rectifyBy ?? (input.colour === 'green' && input.outcome === 'rectify' ? shanghaiDate(at) : undefined);
    if (input.outcome === 'rectify') {
      if (!deadline) throw invalid('rectifyBy', '责令整改须写明整改期限');
      if (deadline < shanghaiDate(at)) throw invalid('rectifyBy', '整改期限不能早于检查当天');
    }
    await this.transactions.run(async (tx) => {
      const plan = await this.officerPlans.planOfJointOfficer(user, planId, { open: true }, tx);
      const [item] = (await this.plans.hasItem(plan.id, input.itemId, tx)) ? await this.items.namesOf([input.itemId], tx) : [];
      if (item === undefined) throw invalid('itemId', '不是本次检查计划中的检查事项');
      const colour = await this.colourOf(plan.creditCode, plan.id, input, tx);
      const rectifyBy = input.outcome === 'rectify' ? deadline! : null;
      const note = input.note?.trim() || null;
      const finding = { itemId: input.itemId, outcome: input.outcome, rectifyBy, note, at, colour };
      const write = { ...finding, recordedBy: user.id, clientKey: input.clientKey, creditCode: plan.creditCode };
      if (!(await this.findings.insertOnce(plan.id, write, tx))) throw alreadyRecorded('检查结果');
      const detail = { itemId: input.itemId, item, outcome: input.outcome, rectifyBy, note, at: at.toISOString(), ...(colour ? { colour } : {}) };
      await this.trail.append({ inspectionId: plan.id, kind: 'finding', actor: userActor(user), detail, at: now }, tx);
    }, 'READ COMMITTED');
    // For another agency's item, that agency's part (the officer's phone reads the merged list again).
    return this.views.view(planId);
  }

  private async colourOf(creditCode: string, planId: string, input: FindingDto, tx: Tx): Promise<ViolationColour | null> {
    if (input.outcome === 'pass' && !input.colour) return null;
    const classed = (await this.classing.proposals(creditCode, [input.itemId], [planId], tx)).get(input.itemId)!;
    const chosen = colourOfFinding(classed, input.outcome, input.colour);
    if ('problem' in chosen) throw invalid('colour', chosen.problem);
    return chosen.colour;
  }
}
