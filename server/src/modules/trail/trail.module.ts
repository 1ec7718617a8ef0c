import { Module } from '@nestjs/common';
import { TrailReader } from './trail-reader.js';
import { TrailRepository } from './trail.repository.js';

/** The hash-chained trail of every inspection: a leaf every feature may append to. */
@Module({
  providers: [TrailRepository, TrailReader],
  exports: [TrailRepository, TrailReader],
})
export class TrailModule {}
