import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate, userActor, type AccompanyAnswer, type SessionUser } from '@mashang/shared';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { AgencyRepository, OfficerRepository } from '../../registry/index.js';
import { AccompanimentRepository } from '../accompaniment.repository.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { PlanHistory } from '../plan-history.js';
import { PlanRepository } from '../plan.repository.js';
import { AccompanyingNames } from './accompanying-names.js';
import { accompanyRefusal } from './visit-rules.js';

/**
 * 陪同执法: an officer of another agency — the business-environment bureau's supervisors are officers of
 * the bureau, registered as an agency — joins an inspection by its plan code. They accompany it: no
 * findings, no part of its records; they are named on its plan, its code's page, the enterprise's
 * history and its trail.
 */
@Injectable()
export class AccompanyPlan {
  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AccompanimentRepository) private readonly accompaniments: AccompanimentRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(AccompanyingNames) private readonly names: AccompanyingNames,
  ) {}

  async accompany(user: SessionUser, planCode: string, now = new Date()): Promise<AccompanyAnswer> {
    if (!user.officerId || !user.agencyId) throw forbidden('只有登记在册的执法人员可以陪同执法');
    const found = await this.plans.byCode(planCode.trim());
    if (!found) throw notFound('检查计划');
    const { officerId, agencyId } = { officerId: user.officerId, agencyId: user.agencyId };
    return this.serial.run(found.creditCode, async (tx, enterprise) => {
      const plan = (await this.plans.byId(found.id, tx))!;
      const onPlan = (await this.plans.officersOf([plan.id], tx)).some((o) => o.memberId === officerId);
      const refusal = accompanyRefusal(
        { kind: plan.kind, status: plan.status, agencyId: plan.agencyId, inspectionDate: plan.inspectionDate, finished: plan.finishedAt !== null, officerOnPlan: onPlan },
        agencyId, shanghaiDate(now));
      if (refusal) throw new DomainError(ErrorCode.RuleRefused, `不能陪同执法：${refusal.message}`, undefined, [refusal]);
      if (await this.accompaniments.add({ planId: plan.id, officerId, agencyId, addedAt: now, addedBy: user.id }, tx)) {
        const [officerNames, agencyNames] = await Promise.all([this.officers.namesOf([officerId], tx), this.agencies.namesOf([agencyId, plan.agencyId], tx)]);
        await this.history.record({
          planId: plan.id, agencyId: plan.agencyId, creditCode: plan.creditCode, kind: 'accompanied', actor: userActor(user), at: now,
          detail: { officerId, agencyId, name: officerNames.get(officerId) ?? '', agencyName: agencyNames.get(agencyId) ?? '' },
        }, tx);
      }
      const names = await this.agencies.namesOf([plan.agencyId], tx);
      return {
        planCode: plan.code,
        agencyName: names.get(plan.agencyId) ?? plan.agencyId,
        enterpriseName: enterprise.name,
        inspectionDate: plan.inspectionDate,
        accompanying: (await this.names.of([plan.id], tx)).get(plan.id) ?? [],
      };
    });
  }
}
