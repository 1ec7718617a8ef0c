import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EnterpriseVisitCounts, EnterpriseVisitView } from '@mashang/shared';
import { CurrentEnterprise, EnterpriseOnly, type SignedInEnterprise } from '../../auth/index.js';
import { EnterpriseVisits } from './enterprise-visits.js';

/** 企业端: the signed-in enterprise's own visits (回访、服务走访) and how often it was visited; nothing of any other enterprise. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise')
export class EnterpriseVisitsController {
  constructor(@Inject(EnterpriseVisits) private readonly visits: EnterpriseVisits) {}

  @Get('visits')
  list(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<EnterpriseVisitView[]> {
    return this.visits.visitsOf(enterprise);
  }

  /** 被走访频次: inspections and visits of the last 365 days, apart and together. */
  @Get('visit-counts')
  counts(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<EnterpriseVisitCounts> {
    return this.visits.countsOf(enterprise);
  }
}
