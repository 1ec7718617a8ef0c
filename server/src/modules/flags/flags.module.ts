import { Module } from '@nestjs/common';
import { TrailModule } from '../trail/index.js';
import { FlagRaiser } from './flag-raiser.js';
import { FlaggedCaseQueueRepository } from './flagged-case-queue.repository.js';
import { FlaggedCaseRepository } from './flagged-case.repository.js';

/** Raising flagged cases for supervision: a leaf every feature may use. */
@Module({
  imports: [TrailModule],
  providers: [FlaggedCaseRepository, FlaggedCaseQueueRepository, FlagRaiser],
  exports: [FlaggedCaseRepository, FlaggedCaseQueueRepository, FlagRaiser],
})
export class FlagsModule {}
