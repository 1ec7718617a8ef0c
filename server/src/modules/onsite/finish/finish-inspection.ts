import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, isVisit, planKindLabel, userActor, type OnsiteInspectionView, type SessionUser, type RuleRefusal } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { JobName } from '../../../infra/queues/queues.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { PlanProgressRepository, PlanRepository } from '../../plans/index.js';
import { EnterpriseRepository, ItemRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { alreadyRecorded } from '../client-key.js';
import { DocumentRepository } from '../document.repository.js';
import type { FinishDto } from '../dto/onsite.dto.js';
import { eventTime } from '../event-time.js';
import { FindingRepository } from '../finding.repository.js';
import { OfficerPlans } from '../officer-plan.js';
import { inspectionResult, unrecordedItems } from '../onsite-rules.js';
import { OnsiteView } from '../view/onsite-view.js';
import { CompleteInspection } from './complete-inspection.js';

/**
 * Scan out: the agency's results are in. When every agency of the inspection has finished, the
 * inspection records are written in the exchange format and `inspection-finished` is recorded in the
 * job outbox in the same transaction (the SMS invite follows from it): the answer never waits for Redis.
 */
@Injectable()
export class FinishInspection {
  private readonly logger = new Logger(FinishInspection.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
    @Inject(OfficerPlans) private readonly officerPlans: OfficerPlans,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(PlanRepository) private readonly planMembers: PlanRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(CompleteInspection) private readonly completion: CompleteInspection,
    @Inject(OnsiteView) private readonly views: OnsiteView,
  ) {}

  async finish(user: SessionUser, planId: string, input: FinishDto, now = new Date()): Promise<OnsiteInspectionView> {
    const at = eventTime(input.at, now, this.config.onsite.offlineMaxAgeHours);
    const finished = await this.transactions.run(async (tx) => {
      const member = await this.plans.find(planId, tx);
      if (!member) throw notFound('检查');
      // The enterprise first, as every change to its plans does (check-ins admitted together rely on it);
      // then the lead's row, which orders the agencies' finishes, so exactly one of them sees the inspection complete.
      await this.enterprises.lock([member.creditCode], tx);
      await this.plans.lock(member.leadPlanId, tx);
      const plan = await this.officerPlans.planOfOfficer(user, planId, { open: true, finishedError: alreadyRecorded('结束检查') }, tx);
      if (at.getTime() < plan.checkedInAt!.getTime()) throw invalid('at', '结束时间早于入企时间');
      // A visit (回访、服务走访) has no items or findings and makes no inspection record: it ends, on its trail.
      if (isVisit(plan.kind)) {
        await this.plans.markFinished(plan.id, at, tx);
        const documents = await this.documents.countOf(plan.id, tx);
        await this.trail.append({
          inspectionId: plan.id, kind: 'finished', actor: userActor(user),
          detail: { at: at.toISOString(), kind: plan.kind, kindLabel: planKindLabel(plan.kind), documents, clientKey: input.clientKey }, at: now,
        }, tx);
        return null;
      }
      const items = await this.planMembers.itemsOf([plan.id], tx);
      const findings = await this.findings.latestOf(plan.id, tx);
      const missing = unrecordedItems(items.map((i) => i.memberId), new Set(findings.keys()));
      if (missing.length) {
        const names = await this.items.namesOf(missing, tx);
        const refusal: RuleRefusal = { rule: 'items-unrecorded', message: `还有${missing.length}项检查事项没有记录结果：${names.join('、')}`, remedy: '逐项记录检查结果（合格、责令整改或违法）后再结束检查' };
        throw new DomainError(ErrorCode.RuleRefused, `不能结束检查：${refusal.message}`, undefined, [refusal]);
      }
      const result = inspectionResult([...findings.values()].map((f) => f.outcome));
      const documents = await this.documents.countOf(plan.id, tx);
      await this.plans.markFinished(plan.id, at, tx);
      await this.trail.append({
        inspectionId: plan.id, kind: 'finished', actor: userActor(user),
        detail: { at: at.toISOString(), result, findings: findings.size, documents, clientKey: input.clientKey }, at: now,
      }, tx);
      const complete = await this.completion.complete(plan.leadPlanId, plan.creditCode, tx);
      if (complete) await this.outbox.add([outboxJob(JobName.InspectionFinished, complete)], tx);
      return complete;
    }, 'READ COMMITTED');
    if (finished) this.logger.log(`inspection ${finished.groupId} finished by all ${finished.inspectionIds.length} agencies`);
    return this.views.view(planId);
  }
}
