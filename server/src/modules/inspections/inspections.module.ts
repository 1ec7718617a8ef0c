import { Module } from '@nestjs/common';
import { InspectionRepository } from './inspection.repository.js';

/** Inspection records as the exchange format has them; on site writes them at finish, the importer in bulk. */
@Module({ providers: [InspectionRepository], exports: [InspectionRepository] })
export class InspectionsModule {}
