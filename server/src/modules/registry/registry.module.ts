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
import { ColourList } from './colours/colour-list.js';
import { ColourListController } from './colours/colour-list.controller.js';
import { ViolationColourRepository } from './violation-colour.repository.js';
import { TrailModule } from '../trail/index.js';

const REPOSITORIES = [AgencyRepository, OfficerRepository, ItemRepository, EnterpriseRepository, RegisterHistoryRepository, RegisterRowsRepository, ViolationColourRepository];

/** 清单化管理: the registers of agencies, officers, inspection items and enterprises. */
@Module({
  imports: [AuditModule, TrailModule],
  controllers: [RegistryController, ColourListController],
  providers: [...REPOSITORIES, RegisterEdits, AgenciesService, OfficersService, ItemsService, EnterprisesService, RegisterExport, ColourList],
  exports: REPOSITORIES,
})
export class RegistryModule {}
