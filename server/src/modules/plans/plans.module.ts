import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/index.js';
import { FlagsModule } from '../flags/index.js';
import { InspectionsModule } from '../inspections/index.js';
import { RegistryModule } from '../registry/index.js';
import { TrailModule } from '../trail/index.js';
import { PlanApprovalQueue } from './approval/approval-queue.js';
import { DecidePlanApproval } from './approval/decide-approval.js';
import { CancelPlan } from './changes/cancel-plan.js';
import { MovePlan } from './changes/move-plan.js';
import { EnterpriseSerial } from './enterprise-serial.js';
import { CampaignLink } from './filing/campaign-link.js';
import { FilePlan } from './filing/file-plan.js';
import { FilingCheck } from './filing/filing-check.js';
import { HalfYearRecords } from './half-year/half-year-records.js';
import { CheckCode } from './inspection-codes/check-code.js';
import { LiveCodes } from './inspection-codes/live-codes.js';
import { CodeLinkController, InspectionCodesController } from './inspection-codes/inspection-codes.controller.js';
import { IssueCode } from './inspection-codes/issue-code.js';
import { InspectionCodeRepository } from './inspection-code.repository.js';
import { JointScenarioRepository } from './joint-scenario.repository.js';
import { JointScenariosController } from './joint-scenarios.controller.js';
import { JointScenariosService } from './joint-scenarios.service.js';
import { LateCodes } from './late-code.js';
import { PlanViews } from './listing/plan-views.js';
import { Regrouping } from './merging/regroup.js';
import { PlanEventRepository } from './plan-event.repository.js';
import { PlanHistory } from './plan-history.js';
import { PlanProgressRepository } from './plan-progress.repository.js';
import { PlanRepository } from './plan.repository.js';
import { PlansController } from './plans.controller.js';
import { ReviewRepository } from './review.repository.js';
import { DecideReview } from './reviews/decide-review.js';
import { RequestReview } from './reviews/request-review.js';
import { ReviewViews } from './reviews/review-views.js';
import { ReviewsController } from './reviews/reviews.controller.js';
import { AccompanimentRepository } from './accompaniment.repository.js';
import { AccompanyPlan } from './visits/accompany-plan.js';
import { AccompanyingNames } from './visits/accompanying-names.js';

const REPOSITORIES = [PlanRepository, PlanEventRepository, PlanProgressRepository, InspectionCodeRepository, JointScenarioRepository, ReviewRepository, AccompanimentRepository];
const OPERATIONS = [
  EnterpriseSerial, PlanHistory, Regrouping, FilingCheck, FilePlan, MovePlan, CancelPlan, PlanViews, HalfYearRecords,
  IssueCode, LiveCodes, CheckCode, JointScenariosService, RequestReview, DecideReview, ReviewViews, LateCodes,
  DecidePlanApproval, PlanApprovalQueue, AccompanyPlan, AccompanyingNames, CampaignLink,
];

@Module({
  imports: [TrailModule, FlagsModule, RegistryModule, InspectionsModule, CampaignsModule],
  controllers: [PlansController, InspectionCodesController, CodeLinkController, JointScenariosController, ReviewsController],
  providers: [...REPOSITORIES, ...OPERATIONS],
  exports: [LateCodes, LiveCodes, PlanProgressRepository, PlanRepository, InspectionCodeRepository, FilePlan, AccompanimentRepository, AccompanyingNames, IssueCode, EnterpriseSerial, Regrouping],
})
export class PlansModule {}
