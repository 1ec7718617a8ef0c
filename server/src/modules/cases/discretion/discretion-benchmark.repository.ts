import { Injectable } from '@nestjs/common';
import type { DiscretionBenchmark } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../../infra/database/tx.js';

interface BenchmarkRow {
  clause: string;
  name: string;
  legal_basis: string;
  factors: string;
  bands: string;
  ranges: string;
}

const COLUMNS = 'clause, name, legal_basis, factors, bands, ranges';

function benchmarkOf(row: BenchmarkRow): DiscretionBenchmark {
  return { clause: row.clause, name: row.name, legalBasis: row.legal_basis, factors: JSON.parse(row.factors), bands: JSON.parse(row.bands), ranges: JSON.parse(row.ranges) };
}

/** Every statement on `discretion_benchmarks` (裁量基准, one per violation clause). */
@Injectable()
export class DiscretionBenchmarkRepository extends BaseRepository {
  async find(clause: string, tx?: Tx): Promise<DiscretionBenchmark | null> {
    const [row]: BenchmarkRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM discretion_benchmarks WHERE clause = ?`, [clause]);
    return row ? benchmarkOf(row) : null;
  }

  async findMany(clauses: string[], tx?: Tx): Promise<Map<string, DiscretionBenchmark>> {
    if (!clauses.length) return new Map();
    const rows: BenchmarkRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM discretion_benchmarks WHERE clause IN (?)`, [[...new Set(clauses)]]);
    return new Map(rows.map((r) => [r.clause, benchmarkOf(r)]));
  }

  /** Inserts or replaces benchmarks, recording who changed them. */
  async upsertMany(benchmarks: DiscretionBenchmark[], by: string, at: Date, tx: Tx): Promise<void> {
    if (!benchmarks.length) return;
    await tx.query(
      `INSERT INTO discretion_benchmarks (clause, name, legal_basis, factors, bands, ranges, updated_at, updated_by) VALUES ?
       ON DUPLICATE KEY UPDATE name = VALUES(name), legal_basis = VALUES(legal_basis), factors = VALUES(factors), bands = VALUES(bands),
         ranges = VALUES(ranges), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
      [benchmarks.map((b) => [b.clause, b.name, b.legalBasis, JSON.stringify(b.factors), JSON.stringify(b.bands), JSON.stringify(b.ranges), at, by])],
    );
  }
}
