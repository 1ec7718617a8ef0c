import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type RatingInviteView } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { RatingInviteRepository } from '../rating-invite.repository.js';
import { InviteCredentials } from './invite-credentials.js';

/** What the public rating page shows: the inspection, and per agency its officers and whether it is rated. */
@Injectable()
export class RatingPageView {
  constructor(
    @Inject(InviteCredentials) private readonly credentials: InviteCredentials,
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
  ) {}

  /** A link or code whose agencies are all rated is refused as used. */
  async view(credential: string, ip: string, now = new Date()): Promise<RatingInviteView> {
    const invite = await this.credentials.open(credential, ip, now);
    const invited = await this.invites.agencies([invite.id]);
    const [agencyNames, officerLinks, enterpriseNames] = await Promise.all([
      this.agencies.namesOf(invited.map((a) => a.agencyId)),
      this.inspections.officersOf(invited.map((a) => a.inspectionId)),
      this.enterprises.namesOf([invite.creditCode]),
    ]);
    // Agencies and officers on the register only.
    const agencies = invited.filter((a) => agencyNames.has(a.agencyId));
    if (agencies.every((a) => a.rated)) throw allRated();
    const cards = new Map((await this.officers.byIds(officerLinks.map((o) => o.officerId))).map((o) => [o.id, o]));
    return {
      enterprise: { name: enterpriseNames.get(invite.creditCode) ?? '' },
      inspectionDate: invite.inspectionDate,
      joint: agencies.length > 1,
      agencies: agencies.map((a) => ({
        agencyId: a.agencyId,
        name: agencyNames.get(a.agencyId)!,
        officers: officerLinks
          .filter((o) => o.inspectionId === a.inspectionId && cards.has(o.officerId))
          .map((o) => ({ name: cards.get(o.officerId)!.name, certNo: cards.get(o.officerId)!.certNo })),
        rated: a.rated,
      })),
      expiresAt: invite.expiresAt.toISOString(),
    };
  }
}

function allRated(): DomainError {
  return new DomainError(ErrorCode.Conflict, '这次检查您已经评价过了，每个部门只能评价一次。谢谢您的评价！');
}
