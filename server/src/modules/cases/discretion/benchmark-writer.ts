import { Inject, Injectable } from '@nestjs/common';
import { sameBenchmark, type BenchmarkSource, type DiscretionBenchmark } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { Transactions } from '../../../infra/database/tx.js';
import { TrailRepository } from '../../trail/index.js';
import { DiscretionBenchmarkRepository } from './discretion-benchmark.repository.js';

/** The trail chain that keeps a clause's benchmark history. */
export const benchmarkChain = (clause: string) => `benchmark:${clause}`;

export interface SaveOutcome {
  created: number;
  changed: number;
  unchanged: number;
}

/** Rows per statement: a benchmark's JSON runs to a few kilobytes. */
const BATCH = 200;

/**
 * Saves benchmarks (an edit, an import, the demo city): in one transaction, each one that differs
 * from what is stored is written and its new version appended to its history (the trail chain
 * `benchmark:<clause>`); one that says the same as the stored one changes nothing.
 */
@Injectable()
export class BenchmarkWriter {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /** The writer on one data source, for the command line and the demo loader. */
  static on(dataSource: DataSource): BenchmarkWriter {
    return new BenchmarkWriter(new Transactions(dataSource), new DiscretionBenchmarkRepository(dataSource), new TrailRepository(dataSource));
  }

  /** `benchmarks` must be valid (validateBenchmark) with distinct clauses. */
  save(benchmarks: DiscretionBenchmark[], actor: string, source: BenchmarkSource, at = new Date()): Promise<SaveOutcome> {
    const outcome: SaveOutcome = { created: 0, changed: 0, unchanged: 0 };
    // READ COMMITTED: the trail's tail reads take no gap locks (see TrailRepository.append).
    return this.transactions.run(async (tx) => {
      for (let i = 0; i < benchmarks.length; i += BATCH) {
        const batch = benchmarks.slice(i, i + BATCH);
        const stored = await this.benchmarks.lockMany(batch.map((b) => b.clause), tx);
        const writes = batch.filter((b) => {
          const before = stored.get(b.clause);
          if (before && sameBenchmark(before, b)) {
            outcome.unchanged++;
            return false;
          }
          if (before) outcome.changed++;
          else outcome.created++;
          return true;
        });
        await this.benchmarks.upsertMany(writes, actor, at, tx);
        await this.trail.appendMany(writes.map((b) => ({ inspectionId: benchmarkChain(b.clause), kind: 'benchmark-changed', actor, at, detail: { source, benchmark: b } })), tx);
      }
      return outcome;
    }, 'READ COMMITTED');
  }
}
