import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';
import { DiscretionBenchmarkRepository } from './discretion/discretion-benchmark.repository.js';

/** Penalty cases: imported and exported in the exchange format, read by the views that show them. */
@Module({ providers: [CaseRepository, DiscretionBenchmarkRepository], exports: [CaseRepository, DiscretionBenchmarkRepository] })
export class CasesModule {}
