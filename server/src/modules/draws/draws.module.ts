import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/index.js';
import { PlansModule } from '../plans/index.js';
import { RegistryModule } from '../registry/index.js';
import { CommitDraw } from './commit-draw.js';
import { DrawViews } from './draw-views.js';
import { DrawsController } from './draws.controller.js';
import { RandomDrawRepository } from './random-draw.repository.js';
import { RunDraw } from './run-draw.js';

/** 双随机一公开: random draws of enterprises and officers, committed, drawn, published; drawn inspections become plans. */
@Module({
  imports: [InspectionsModule, PlansModule, RegistryModule],
  controllers: [DrawsController],
  providers: [RandomDrawRepository, CommitDraw, RunDraw, DrawViews],
})
export class DrawsModule {}
