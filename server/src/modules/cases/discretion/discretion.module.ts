import { Module } from '@nestjs/common';
import { TrailModule } from '../../trail/index.js';
import { CasesModule } from '../cases.module.js';
import { BenchmarkWriter } from './benchmark-writer.js';
import { DiscretionBenchmarksController } from './discretion-benchmarks.controller.js';
import { DiscretionBenchmarks } from './discretion-benchmarks.service.js';

/** 裁量基准 administration: the supervisors' API over the cases module's benchmarks, their history on the trail. */
@Module({
  imports: [CasesModule, TrailModule],
  controllers: [DiscretionBenchmarksController],
  providers: [BenchmarkWriter, DiscretionBenchmarks],
  exports: [BenchmarkWriter],
})
export class DiscretionModule {}
