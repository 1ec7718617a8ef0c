import { Inject, Injectable } from '@nestjs/common';
import { Role, type LegalReviewQueueItem, type SessionUser } from '@mashang/shared';
import { forbidden } from '../../../infra/errors/domain-error.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { CaseMeasuresRepository } from '../case-measures.repository.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { reviewView } from './penalty-case-views.js';

/** The major decisions waiting for legal review, the earliest due first: all for supervisors, an admin's own agency's. */
@Injectable()
export class LegalReviewQueue {
  constructor(
    @Inject(CaseMeasuresRepository) private readonly measures: CaseMeasuresRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
  ) {}

  async waiting(user: SessionUser, limit = 300): Promise<LegalReviewQueueItem[]> {
    if (user.role === Role.AgencyAdmin && !user.agencyId) throw forbidden('账号未关联执法部门');
    const rows = await this.measures.waitingReviews(user.role === Role.AgencyAdmin ? user.agencyId : null, limit);
    const [agencyNames, enterpriseNames, benchmarks] = await Promise.all([
      this.agencies.namesOf(rows.map((r) => r.agencyId)), this.enterprises.namesOf(rows.map((r) => r.creditCode)), this.benchmarks.findMany(rows.map((r) => r.cause)),
    ]);
    return rows.map((r) => ({
      ...reviewView(r, new Map()),
      agencyName: agencyNames.get(r.agencyId) ?? r.agencyId,
      enterpriseName: enterpriseNames.get(r.creditCode) ?? r.creditCode,
      causeName: benchmarks.get(r.cause)?.name ?? r.cause,
    }));
  }
}
