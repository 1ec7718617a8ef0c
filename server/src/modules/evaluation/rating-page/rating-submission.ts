import { Inject, Injectable } from '@nestjs/common';
import { ENTERPRISE_ACTOR, ErrorCode, RATING_PROBLEMS, ratingCaseTitle, type RatingRecord, type SubmitRatingsRequest, type SubmitRatingsResponse } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { FlagRaiser } from '../../flags/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { newDigestSalt, ratingDigest } from '../rating-digest.js';
import { poorRating, ratingDedupeKey } from '../rating-flags.js';
import { RatingInviteRepository } from '../rating-invite.repository.js';
import { RatingRepository } from '../rating.repository.js';
import { InviteCredentials } from './invite-credentials.js';

/** The enterprise's ratings from the public rating page. */
@Injectable()
export class RatingSubmission {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(InviteCredentials) private readonly credentials: InviteCredentials,
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(RatingRepository) private readonly ratings: RatingRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
  ) {}

  /**
   * Records one or more agencies' ratings, all or none. Each agency is rated once (the ratings key
   * enforces it under concurrency too); a poor rating raises a flagged case in the same transaction.
   */
  async submit(credential: string, body: SubmitRatingsRequest, ip: string, now = new Date()): Promise<SubmitRatingsResponse> {
    const seen = new Set<string>();
    for (const r of body.ratings) {
      if (seen.has(r.agencyId)) throw new DomainError(ErrorCode.ValidationFailed, '同一个部门只能评价一次', [{ field: 'ratings', reason: 'duplicate agencyId' }]);
      seen.add(r.agencyId);
    }
    return this.transactions.run(async (tx) => {
      const invite = await this.credentials.open(credential, ip, now, tx);
      const invited = await this.invites.lockAgencies(invite.id, tx);
      const names = await this.agencies.namesOf(invited.map((a) => a.agencyId), tx);
      for (const rating of body.ratings) {
        const agency = invited.find((a) => a.agencyId === rating.agencyId && names.has(a.agencyId));
        if (!agency) throw new DomainError(ErrorCode.ValidationFailed, '这次检查没有这个部门，请刷新页面后再评价', [{ field: 'agencyId', reason: 'not an agency of this inspection' }]);
        const name = names.get(agency.agencyId)!;
        const flags = RATING_PROBLEMS.filter((p) => rating.flags.includes(p));
        const comment = rating.comment?.trim() || null;
        const scores = { language: rating.language, procedure: rating.procedure, manner: rating.manner, fairness: rating.fairness };
        const rated: RatingRecord = { inspectionId: agency.inspectionId, agencyId: agency.agencyId, ...scores, verdict: rating.verdict, flags, comment, ratedAt: now };
        const digestSalt = newDigestSalt();
        const recorded = await this.ratings.insert({ ...rated, digestSalt }, tx);
        if (!recorded) throw new DomainError(ErrorCode.Conflict, `您已经评价过${name}，每个部门只能评价一次。`);
        // The trail proves the rating by its digest; the content stays with the rating, for supervisors and discipline.
        await this.trail.append({ inspectionId: agency.inspectionId, kind: 'rated', actor: ENTERPRISE_ACTOR, detail: { agencyId: agency.agencyId, ratingDigest: ratingDigest(rated, digestSalt) }, at: now }, tx);
        const poor = poorRating({ ...scores, verdict: rating.verdict, flags });
        if (poor) {
          await this.flags.raiseOne({
            dedupeKey: ratingDedupeKey(agency.inspectionId, agency.agencyId),
            source: 'rating',
            rule: poor.rule,
            subjectType: 'inspection',
            subjectId: agency.inspectionId,
            agencyId: agency.agencyId,
            creditCode: invite.creditCode,
            inspectionId: agency.inspectionId,
            severity: poor.severity,
            // The rated agency reads the title: the kind of complaint, not the scores or the comment.
            title: ratingCaseTitle(name, poor.rule),
            evidence: { ...scores, verdict: rating.verdict, flags, comment, reasons: poor.reasons, inspectionDate: invite.inspectionDate },
            actor: ENTERPRISE_ACTOR,
          }, now, tx);
        }
      }
      return { rated: body.ratings.map((r) => r.agencyId), remaining: await this.invites.unratedCount(invite.id, tx) };
    });
  }
}
