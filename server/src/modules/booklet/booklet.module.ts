import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/index.js';
import { RegistryModule } from '../registry/index.js';
import { BookletController, EnterpriseBookletController } from './booklet.controller.js';
import { ComplianceBooklet } from './compliance-booklet.js';

/** 一企一册: each enterprise's compliance booklet as a PDF, for the enterprise and for officers to print. */
@Module({
  imports: [RegistryModule, InspectionsModule],
  controllers: [EnterpriseBookletController, BookletController],
  providers: [ComplianceBooklet],
})
export class BookletModule {}
