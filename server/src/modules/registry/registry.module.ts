import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyRepository } from './agency.repository.js';
import { EnterpriseRepository } from './enterprise.repository.js';
import { EnterprisesService } from './enterprises.service.js';
import { ItemRepository } from './item.repository.js';
import { ItemsService } from './items.service.js';
import { OfficerRepository } from './officer.repository.js';
import { OfficersService } from './officers.service.js';
import { RegisterEdits } from './register-edits.js';
import { RegisterHistoryRepository } from './register-history.repository.js';
import { RegisterRowsRepository } from './register-rows.repository.js';
import { RegistryController } from './registry.controller.js';
import { RegisterExport } from './export/register-export.js';

const REPOSITORIES = [AgencyRepository, OfficerRepository, ItemRepository, EnterpriseRepository, RegisterHistoryRepository, RegisterRowsRepository];

/** 清单化管理: the registers of agencies, officers, inspection items and enterprises. */
@Module({
  imports: [AuditModule],
  controllers: [RegistryController],
  providers: [...REPOSITORIES, RegisterEdits, AgenciesService, OfficersService, ItemsService, EnterprisesService, RegisterExport],
  exports: REPOSITORIES,
})
export class RegistryModule {}
