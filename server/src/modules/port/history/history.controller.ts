import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EnterpriseInspectionView, EnterprisePenaltyCaseView, EnterpriseTrailView, Page } from '@mashang/shared';
import { PageQueryDto } from '../../../infra/http/page-query.dto.js';
import { CurrentEnterprise, EnterpriseOnly, type SignedInEnterprise } from '../../auth/index.js';
import { EnterpriseHistory } from './enterprise-history.js';

/** 企业端: the signed-in enterprise's own inspections, their trails and its penalty cases; nothing of any other enterprise. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise')
export class EnterpriseHistoryController {
  constructor(@Inject(EnterpriseHistory) private readonly history: EnterpriseHistory) {}

  @Get('inspections')
  inspections(@CurrentEnterprise() enterprise: SignedInEnterprise, @Query() query: PageQueryDto): Promise<Page<EnterpriseInspectionView>> {
    return this.history.inspectionsOf(enterprise, query.page, query.pageSize);
  }

  @Get('inspections/:id/trail')
  trail(@CurrentEnterprise() enterprise: SignedInEnterprise, @Param('id') id: string): Promise<EnterpriseTrailView> {
    return this.history.trailOf(enterprise, id);
  }

  @Get('penalty-cases')
  penaltyCases(@CurrentEnterprise() enterprise: SignedInEnterprise): Promise<EnterprisePenaltyCaseView[]> {
    return this.history.penaltyCasesOf(enterprise);
  }
}
