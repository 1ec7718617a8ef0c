import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, isVisit, planKindLabel, type CodeCheck } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { PlanRepository } from '../plan.repository.js';
import { AccompanyingNames } from '../visits/accompanying-names.js';
import { LiveCodes } from './live-codes.js';

/** Checking a scanned 检查码: who is at the door and why. */
@Injectable()
export class CheckCode {
  constructor(
    @Inject(LiveCodes) private readonly codes: LiveCodes,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AccompanyingNames) private readonly accompanying: AccompanyingNames,
  ) {}

  /** Forged, expired and cancelled codes are refused in plain words. */
  async check(token: string, now = new Date()): Promise<CodeCheck> {
    const code = await this.codes.open(token, now);
    const plans = await this.plans.activeMembersOf([code.leadPlanId]);
    if (!plans.length) throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。');
    const ids = plans.map((p) => p.id);
    const [planOfficers, planItems, agencyNames, enterprise, accompanying] = await Promise.all([
      this.plans.officersOf(ids),
      this.plans.itemsOf(ids),
      this.agencies.namesOf(plans.map((p) => p.agencyId)),
      this.enterprises.find({ creditCode: plans[0].creditCode }),
      this.accompanying.of(ids),
    ]);
    const [officers, items] = await Promise.all([
      this.officers.byIds([...new Set(planOfficers.map((o) => o.memberId))]),
      this.items.byIds([...new Set(planItems.map((i) => i.memberId))]),
    ]);
    const officerById = new Map(officers.map((o) => [o.id, o]));
    const itemById = new Map(items.map((i) => [i.id, i]));
    return {
      status: 'valid',
      inspectionDate: plans[0].inspectionDate,
      joint: plans.length > 1,
      enterprise: { creditCode: plans[0].creditCode, name: enterprise?.name ?? '' },
      agencies: plans.map((p) => ({
        name: agencyNames.get(p.agencyId) ?? p.agencyId,
        planCode: p.code,
        trigger: p.trigger,
        officers: planOfficers.filter((o) => o.planId === p.id).flatMap((o) => {
          const officer = officerById.get(o.memberId);
          return officer ? [{ name: officer.name, certNo: officer.certNo }] : [];
        }),
        items: planItems.filter((i) => i.planId === p.id).flatMap((i) => {
          const item = itemById.get(i.memberId);
          return item ? [{ name: item.name, basis: item.basis }] : [];
        }),
      })),
      expiresAt: code.expiresAt.toISOString(),
      // A visit says what it is; an inspection says who accompanies it (陪同执法), when anyone does.
      ...(isVisit(plans[0].kind) ? { kindLabel: planKindLabel(plans[0].kind) } : {}),
      ...(accompanying.size ? { accompanying: ids.flatMap((id) => accompanying.get(id) ?? []) } : {}),
    };
  }
}
