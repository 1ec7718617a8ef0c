import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DOCUMENT_STORAGE, documentStorage } from './document-storage.js';
import { EmergencyCodeProcessor } from './emergency-code.processor.js';
import { InspectionEventsProcessor } from './inspection-events.processor.js';
import { OnsiteController, TrailController } from './onsite.controller.js';
import { OnsiteService } from './onsite.service.js';
import { TrailService } from './trail.service.js';

@Module({
  controllers: [OnsiteController, TrailController],
  providers: [
    OnsiteService,
    TrailService,
    EmergencyCodeProcessor,
    InspectionEventsProcessor,
    { provide: DOCUMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => documentStorage(config.onsite.storage) },
  ],
  exports: [TrailService],
})
export class InspectionsModule {}
