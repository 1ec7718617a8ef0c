import { Inject, Injectable } from '@nestjs/common';
import { CASE_CONCLUSION_LABELS, CASE_STATUS_LABELS, ErrorCode, type ComplaintOutcome } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { credentialHash, parseCredential, RatingInviteRepository, ratingDedupeKey } from '../../evaluation/index.js';
import { FlaggedCaseQueueRepository } from '../../flags/index.js';
import { AgencyRepository } from '../../registry/index.js';

/** 企业评: what became of the enterprise's own poor ratings. */
@Injectable()
export class ComplaintOutcomes {
  constructor(
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  /**
   * By the personal link of its SMS (the link's token only: short typed codes are rate-limited by the
   * rating page and not accepted here), the cases its ratings raised, in the invite's agency order.
   * Shown after the link has expired too: a case takes longer than the week a rating may take.
   */
  async outcomes(token: string): Promise<ComplaintOutcome[]> {
    const credential = parseCredential(token.trim());
    const refused = () => new DomainError(ErrorCode.CodeInvalid, '链接无效：请使用评价短信中的链接查看处理结果。');
    if (!credential || credential.kind !== 'link') throw refused();
    const invite = await this.invites.opened('link', credentialHash(credential));
    if (!invite) throw refused();
    const invited = await this.invites.agencies([invite.id]);
    const [cases, names] = await Promise.all([
      this.queue.byDedupeKeys(invited.map((a) => ratingDedupeKey(a.inspectionId, a.agencyId))),
      this.agencies.namesOf(invited.map((a) => a.agencyId)),
    ]);
    const caseByKey = new Map(cases.map((c) => [c.dedupeKey, c]));
    return invited.flatMap((a) => {
      const c = caseByKey.get(ratingDedupeKey(a.inspectionId, a.agencyId));
      if (!c) return [];
      return [{
        caseId: c.id,
        agencyName: names.get(a.agencyId) ?? null,
        status: c.status,
        statusLabel: CASE_STATUS_LABELS[c.status],
        conclusion: c.conclusion,
        conclusionLabel: c.conclusion ? CASE_CONCLUSION_LABELS[c.conclusion] : null,
        updatedAt: c.updatedAt.toISOString(),
      }];
    });
  }
}
