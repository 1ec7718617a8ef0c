import { Module } from '@nestjs/common';
import { CodeLinkController, InspectionCodesController } from './inspection-codes.controller.js';
import { InspectionCodesService } from './inspection-codes.service.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

@Module({ controllers: [PlansController, InspectionCodesController, CodeLinkController], providers: [PlansService, InspectionCodesService] })
export class PlansModule {}
