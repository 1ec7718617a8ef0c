import { Inject, Injectable } from '@nestjs/common';
import { addDays, toShanghaiIso, type DisputedClausesReport, type DisputedClauseThresholds } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { disputedClauses } from './disputed-clauses.js';
import { DisputedClausesRepository } from './disputed-clauses.repository.js';

/** Midnight starting a day in Asia/Shanghai (UTC+8 all year). */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Builds the disputed-clause report of a period (days in Asia/Shanghai, both ends included), for the API and the command line. */
@Injectable()
export class DisputedClausesReporter {
  constructor(
    @Inject(DisputedClausesRepository) private readonly tallies: DisputedClausesRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
  ) {}

  static on(dataSource: DataSource): DisputedClausesReporter {
    return new DisputedClausesReporter(new DisputedClausesRepository(dataSource), new DiscretionBenchmarkRepository(dataSource));
  }

  async report(
    period: { from: string; to: string },
    agency: { id: string; name: string } | null,
    thresholds: DisputedClauseThresholds,
    now = new Date(),
  ): Promise<DisputedClausesReport> {
    const tallies = await this.tallies.tallies(shanghaiMidnight(period.from), shanghaiMidnight(addDays(period.to, 1)), agency?.id ?? null);
    const names = await this.benchmarks.names(tallies.map((t) => t.clause));
    return disputedClauses(tallies, names, thresholds, {
      from: period.from, to: period.to, agencyId: agency?.id ?? null, agencyName: agency?.name ?? null, generatedAt: toShanghaiIso(Math.floor(now.getTime() / 1000) * 1000),
    });
  }
}
