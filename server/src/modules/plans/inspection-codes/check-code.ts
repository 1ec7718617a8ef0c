import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate, type CodeCheck } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { InspectionCodeRepository } from '../inspection-code.repository.js';
import { codeSigningKey, isAuthenticToken } from '../inspection-code.js';
import { PlanRepository } from '../plan.repository.js';

/** Checking a scanned 检查码: who is at the door and why. */
@Injectable()
export class CheckCode {
  private readonly key: Buffer;

  constructor(
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = codeSigningKey(config.jwtSecret);
  }

  /** Forged, expired and cancelled codes are refused in plain words. */
  async check(token: string, now = new Date()): Promise<CodeCheck> {
    if (!isAuthenticToken(this.key, token)) throw invalidCode();
    const code = await this.codes.byToken(token);
    if (!code) throw invalidCode();
    if (code.revokedAt) throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。如有人持此码上门检查，请拒绝并向司法局反映。');
    if (code.expiresAt <= now) {
      throw new DomainError(ErrorCode.CodeExpired, `检查码已过期（有效期至 ${shanghaiDate(new Date(code.expiresAt.getTime() - 1))}）。过期后不得凭此码入企检查。`);
    }
    const plans = await this.plans.activeMembersOf([code.leadPlanId]);
    if (!plans.length) throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。');
    const ids = plans.map((p) => p.id);
    const [planOfficers, planItems, agencyNames, enterprise] = await Promise.all([
      this.plans.officersOf(ids),
      this.plans.itemsOf(ids),
      this.agencies.namesOf(plans.map((p) => p.agencyId)),
      this.enterprises.find({ creditCode: plans[0].creditCode }),
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
    };
  }
}

function invalidCode(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码。请核实来人身份，可拒绝检查并向司法局反映。');
}
