import { Inject, Injectable } from '@nestjs/common';
import type { Page, PlanApprovalStatus, PlanApprovalView, SessionUser } from '@mashang/shared';
import { agencyScope } from '../../auth/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { PlanViews } from '../listing/plan-views.js';
import { PlanRepository } from '../plan.repository.js';

/** The head's queue: plans waiting for approval (or decided), with the names a person decides by. */
@Injectable()
export class PlanApprovalQueue {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanViews) private readonly views: PlanViews,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
  ) {}

  /** An agency admin's own agency; supervisors and discipline every agency's. */
  async list(user: SessionUser, status: PlanApprovalStatus, page: number, pageSize: number): Promise<Page<PlanApprovalView>> {
    const { rows, total } = await this.plans.approvalPage(agencyScope(user), status, { page, pageSize });
    const views = await this.views.of(rows);
    const [agencyNames, enterpriseNames, officerNames] = await Promise.all([
      this.agencies.namesOf(views.map((v) => v.agencyId)),
      this.enterprises.namesOf(views.map((v) => v.creditCode)),
      this.officers.namesOf(views.flatMap((v) => v.officerIds)),
    ]);
    const items: PlanApprovalView[] = [];
    for (const view of views) {
      items.push({
        ...view,
        agencyName: agencyNames.get(view.agencyId) ?? null,
        enterpriseName: enterpriseNames.get(view.creditCode) ?? null,
        officerNames: view.officerIds.map((id) => officerNames.get(id) ?? id),
        itemNames: await this.items.namesOf(view.itemIds),
      });
    }
    return { items, total, page, pageSize };
  }
}
