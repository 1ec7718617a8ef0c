import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/index.js';
import { TrailModule } from '../trail/index.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DocumentRepository } from './document.repository.js';
import { DOCUMENT_STORAGE, documentStorage } from './document-storage.js';
import { EmergencyCodeProcessor } from './emergency-code.processor.js';
import { InspectionEventsProcessor } from './inspection-events.processor.js';
import { OnsiteController, TrailController } from './onsite.controller.js';
import { OnsiteService } from './onsite.service.js';
import { TrailAccessService } from './trail-access.service.js';

@Module({
  imports: [TrailModule, PlansModule],
  controllers: [OnsiteController, TrailController],
  providers: [
    DocumentRepository,
    OnsiteService,
    TrailAccessService,
    EmergencyCodeProcessor,
    InspectionEventsProcessor,
    { provide: DOCUMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => documentStorage(config.onsite.storage) },
  ],
  exports: [DocumentRepository],
})
export class OnsiteModule {}
