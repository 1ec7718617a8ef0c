import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { InspectionsModule } from '../inspections/index.js';
import { OutboxModule } from '../outbox/index.js';
import { PlansModule } from '../plans/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { CheckInAlone } from './check-in/check-in-alone.js';
import { CheckInTogether } from './check-in/check-in-together.js';
import { CheckIn } from './check-in/check-in.js';
import { EmergencyCodeProcessor } from './check-in/emergency-code.processor.js';
import { CheckinRepository } from './checkin.repository.js';
import { ChecklistController } from './checklist/checklist.controller.js';
import { JointChecklists } from './checklist/joint-checklist.js';
import { ViolationClassing } from './findings/violation-classing.js';
import { FollowUps } from './follow-ups/follow-ups.js';
import { FollowUpsController } from './follow-ups/follow-ups.controller.js';
import { RectificationCheckRepository } from './follow-ups/rectification-check.repository.js';
import { DocumentRepository } from './document.repository.js';
import { DOCUMENT_STORAGE, documentStorage } from './documents/document-storage.js';
import { ReadDocument } from './documents/read-document.js';
import { UploadDocument } from './documents/upload-document.js';
import { FindingRepository } from './finding.repository.js';
import { RecordFinding } from './findings/record-finding.js';
import { CompleteInspection } from './finish/complete-inspection.js';
import { FinishInspection } from './finish/finish-inspection.js';
import { OfficerPlans } from './officer-plan.js';
import { OfflineSync } from './offline-sync/offline-sync.js';
import { OnsiteController } from './onsite.controller.js';
import { TrailAccessService } from './trail-access/trail-access.service.js';
import { TrailController } from './trail-access/trail.controller.js';
import { OnsiteView } from './view/onsite-view.js';

/** The officer's on-site workflow: scan in, findings, documents, finish, the offline queue; and who may read which trail. */
@Module({
  imports: [TrailModule, PlansModule, RegistryModule, InspectionsModule, OutboxModule],
  controllers: [OnsiteController, TrailController, ChecklistController, FollowUpsController],
  providers: [
    CheckinRepository,
    FindingRepository,
    DocumentRepository,
    OfficerPlans,
    OnsiteView,
    CheckInTogether,
    CheckInAlone,
    CheckIn,
    RecordFinding,
    ViolationClassing,
    JointChecklists,
    RectificationCheckRepository,
    FollowUps,
    UploadDocument,
    ReadDocument,
    CompleteInspection,
    FinishInspection,
    OfflineSync,
    TrailAccessService,
    EmergencyCodeProcessor,
    { provide: DOCUMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => documentStorage(config.onsite.storage) },
  ],
  exports: [DocumentRepository, FindingRepository, DOCUMENT_STORAGE],
})
export class OnsiteModule {}
