import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type CodeTrail, type SessionUser, type TrailVerification, type TrailView } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { codeSigningKey, isAuthenticToken, PlanProgressRepository, InspectionCodeRepository } from '../../plans/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { TrailReader } from '../../trail/index.js';

const codeInvalid = () => new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码');

/** Who may read which inspection's trail (全过程留痕): agencies their own, supervisors all, the enterprise by its code. */
@Injectable()
export class TrailAccessService {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(TrailReader) private readonly trails: TrailReader,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.codeKey = codeSigningKey(config.jwtSecret);
  }

  async trail(user: SessionUser, inspectionId: string): Promise<TrailView> {
    await this.assertVisible(user, inspectionId);
    return this.trails.read(inspectionId);
  }

  async verify(user: SessionUser, inspectionId: string): Promise<TrailVerification> {
    await this.assertVisible(user, inspectionId);
    return this.trails.verify(inspectionId);
  }

  /** The enterprise's view: the trails of every agency's part of the inspection an inspection code belongs to. */
  async trailsByCode(token: string): Promise<CodeTrail[]> {
    if (!isAuthenticToken(this.codeKey, token)) throw codeInvalid();
    const leadPlanId = (await this.codes.byToken(token))?.leadPlanId ?? null;
    if (!leadPlanId) throw codeInvalid();
    const members = await this.plans.membersOf(leadPlanId);
    const names = await this.agencies.namesOf(members.map((m) => m.agencyId));
    const known = members.filter((m) => names.has(m.agencyId));
    return Promise.all(known.map(async (m) => ({ ...(await this.trails.read(m.id)), agencyName: names.get(m.agencyId)! })));
  }

  /** Agencies see their own inspections' trails (planned, or imported records); supervisors and discipline see all. */
  private async assertVisible(user: SessionUser, inspectionId: string): Promise<void> {
    const owner = (await this.plans.agencyOf(inspectionId)) ?? (await this.inspections.agencyOf(inspectionId));
    const scope = agencyScope(user);
    if (!owner || (scope !== null && scope !== owner)) throw notFound('检查');
  }
}
