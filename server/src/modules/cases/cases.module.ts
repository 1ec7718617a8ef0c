import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';
import { DiscretionBenchmarkRepository } from './discretion/discretion-benchmark.repository.js';
import { SupervisionCodeModule } from './supervision-code/supervision-code.module.js';

/** Penalty cases: imported and exported in the exchange format, read by the views that show them; the supervision code. */
@Module({
  imports: [SupervisionCodeModule],
  providers: [CaseRepository, DiscretionBenchmarkRepository],
  exports: [CaseRepository, DiscretionBenchmarkRepository, SupervisionCodeModule],
})
export class CasesModule {}
