import { Module } from '@nestjs/common';
import { DashboardService } from './dashboard.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';

@Module({
  controllers: [SupervisionController],
  providers: [SupervisionService, DashboardService],
})
export class SupervisionModule {}
