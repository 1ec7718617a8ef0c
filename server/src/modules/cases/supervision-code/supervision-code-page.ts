import { Inject, Injectable } from '@nestjs/common';
import type { SupervisionCodeView } from '@mashang/shared';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { codeView } from './code-view.js';
import { OpenedCode } from './opened-code.js';
import { SupervisionCodeRepository } from './supervision-code.repository.js';

/** GET /api/penalty-codes/:token — what the party reads by the code on its penalty notice. */
@Injectable()
export class SupervisionCodePage {
  constructor(
    @Inject(OpenedCode) private readonly opened: OpenedCode,
    @Inject(SupervisionCodeRepository) private readonly codes: SupervisionCodeRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
  ) {}

  async view(token: string, ip: string, now = new Date()): Promise<SupervisionCodeView> {
    const coded = await this.opened.open(await this.opened.precheck(token, ip), ip);
    const [benchmark, submissions, agencyNames, enterpriseNames] = await Promise.all([
      this.benchmarks.find(coded.cause),
      this.codes.submissionsOf(coded.caseId),
      this.agencies.namesOf([coded.agencyId]),
      this.enterprises.namesOf([coded.creditCode]),
    ]);
    return codeView(coded, benchmark, { agency: agencyNames.get(coded.agencyId) ?? '', enterprise: enterpriseNames.get(coded.creditCode) ?? '' }, submissions, now);
  }
}
