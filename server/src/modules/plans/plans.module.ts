import { Module } from '@nestjs/common';
import { FlagsModule } from '../flags/index.js';
import { TrailModule } from '../trail/index.js';
import { CodeLinkController, InspectionCodesController } from './inspection-codes.controller.js';
import { InspectionCodesService } from './inspection-codes.service.js';
import { JointScenariosController } from './joint-scenarios.controller.js';
import { JointScenariosService } from './joint-scenarios.service.js';
import { LateCodes } from './late-code.js';
import { PlanRepository } from './plan.repository.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [TrailModule, FlagsModule],
  controllers: [PlansController, InspectionCodesController, CodeLinkController, JointScenariosController, ReviewsController],
  providers: [PlansService, InspectionCodesService, JointScenariosService, ReviewsService, LateCodes, PlanRepository],
  exports: [LateCodes, PlanRepository],
})
export class PlansModule {}
