import { Inject, Injectable } from '@nestjs/common';
import { actorUserId, seesAllAgencies, type PublicTrailView, type SessionUser, type TrailVerification, type TrailView } from '@mashang/shared';
import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope, UserRepository } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { LiveCodes, PlanProgressRepository } from '../../plans/index.js';
import { AgencyRepository, OfficerRepository } from '../../registry/index.js';
import { TrailReader, TrailRepository } from '../../trail/index.js';
import { publicTrail } from './public-trail.js';

/** Who may read which inspection's trail (全过程留痕): agencies their own, supervisors all, the enterprise by its code. */
@Injectable()
export class TrailAccessService {
  constructor(
    @Inject(TrailReader) private readonly trails: TrailReader,
    @Inject(TrailRepository) private readonly entries: TrailRepository,
    @Inject(LiveCodes) private readonly codes: LiveCodes,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  /** The trail as its reader may see it: supervisors and discipline whole; the agency without the content of ratings. */
  async trail(user: SessionUser, inspectionId: string): Promise<TrailView> {
    await this.assertVisible(user, inspectionId);
    const view = await this.trails.read(inspectionId, seesAllAgencies(user.role) ? 'overseer' : 'agency');
    const names = await this.users.actorNames(view.entries.map((e) => e.actor));
    return { ...view, entries: view.entries.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null })) };
  }

  async verify(user: SessionUser, inspectionId: string): Promise<TrailVerification> {
    await this.assertVisible(user, inspectionId);
    return this.trails.verify(inspectionId);
  }

  /**
   * The enterprise's view, by the inspection code it was shown, while the code is in force: every
   * agency's part of the inspection, steps named in Chinese, officers by name and certificate number.
   */
  async trailByCode(token: string, now = new Date()): Promise<PublicTrailView> {
    const code = await this.codes.open(token, now);
    const members = await this.plans.membersOf(code.leadPlanId);
    const names = await this.agencies.namesOf(members.map((m) => m.agencyId));
    const known = members.filter((m) => names.has(m.agencyId));
    const trails = await Promise.all(known.map(async (m) => ({ agencyName: names.get(m.agencyId)!, entries: await this.entries.entries(m.id) })));
    const userIds = trails.flatMap((t) => t.entries.map((e) => actorUserId(e.actor))).filter((id): id is number => id !== null);
    const users = await this.users.staffOf(userIds);
    const staff = [...users.values()];
    const [officers, agencyNames] = await Promise.all([
      this.officers.byIds([...new Set(staff.map((u) => u.officerId).filter((id): id is string => id !== null))]),
      this.agencies.namesOf(staff.map((u) => u.agencyId).filter((id): id is string => id !== null)),
    ]);
    return publicTrail(trails, { users, officers: new Map(officers.map((o) => [o.id, o])), agencyNames }, code.expiresAt);
  }

  /** Agencies see their own inspections' trails (planned, or imported records); supervisors and discipline see all. */
  private async assertVisible(user: SessionUser, inspectionId: string): Promise<void> {
    const owner = (await this.plans.agencyOf(inspectionId)) ?? (await this.inspections.agencyOf(inspectionId));
    const scope = agencyScope(user);
    if (!owner || (scope !== null && scope !== owner)) throw notFound('检查');
  }
}
