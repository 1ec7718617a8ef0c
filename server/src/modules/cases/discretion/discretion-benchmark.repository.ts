import { Injectable } from '@nestjs/common';
import type { DiscretionBenchmark } from '@mashang/shared';
import { likeContains } from '../../../infra/database/entity-table.js';
import { BaseRepository, type Tx } from '../../../infra/database/tx.js';

interface BenchmarkRow {
  clause: string;
  name: string;
  legal_basis: string;
  factors: string;
  bands: string;
  ranges: string;
}

/** A stored benchmark with who changed it last and when. */
export interface StoredBenchmark extends DiscretionBenchmark {
  updatedAt: Date;
  /** The actor: `user:<id>:<username>`, `cli`, `import:…`. */
  updatedBy: string;
}

const COLUMNS = 'clause, name, legal_basis, factors, bands, ranges';
const STORED_COLUMNS = `${COLUMNS}, updated_at, updated_by`;

function benchmarkOf(row: BenchmarkRow): DiscretionBenchmark {
  return { clause: row.clause, name: row.name, legalBasis: row.legal_basis, factors: JSON.parse(row.factors), bands: JSON.parse(row.bands), ranges: JSON.parse(row.ranges) };
}

function storedOf(row: BenchmarkRow & { updated_at: Date; updated_by: string }): StoredBenchmark {
  return { ...benchmarkOf(row), updatedAt: new Date(row.updated_at), updatedBy: row.updated_by };
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

  async findStored(clause: string): Promise<StoredBenchmark | null> {
    const [row] = await this.dataSource.query(`SELECT ${STORED_COLUMNS} FROM discretion_benchmarks WHERE clause = ?`, [clause]);
    return row ? storedOf(row) : null;
  }

  /** The stored benchmarks of these clauses, their rows locked until the transaction ends (a change reads what it replaces). */
  async lockMany(clauses: string[], tx: Tx): Promise<Map<string, DiscretionBenchmark>> {
    if (!clauses.length) return new Map();
    const rows: BenchmarkRow[] = await tx.query(`SELECT ${COLUMNS} FROM discretion_benchmarks WHERE clause IN (?) FOR UPDATE`, [[...new Set(clauses)]]);
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

  /** A page of the list in clause order; `q` finds a clause code or a name containing it. */
  async page(q: string | null, limit: number, offset: number): Promise<{ rows: StoredBenchmark[]; total: number }> {
    // Clause codes compare in binary; a search for `fsl` finds `FSL-126` all the same.
    const where = q ? 'WHERE LOWER(clause) LIKE ? OR name LIKE ?' : '';
    const params = q ? [likeContains(q.toLowerCase()), likeContains(q)] : [];
    const [{ n }] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM discretion_benchmarks ${where}`, params);
    const rows = await this.dataSource.query(`SELECT ${STORED_COLUMNS} FROM discretion_benchmarks ${where} ORDER BY clause LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return { rows: rows.map(storedOf), total: Number(n) };
  }

  /** The next benchmarks in clause order after `after` (from the first when null), for the export. */
  async after(after: string | null, limit: number): Promise<DiscretionBenchmark[]> {
    const rows: BenchmarkRow[] = after === null
      ? await this.dataSource.query(`SELECT ${COLUMNS} FROM discretion_benchmarks ORDER BY clause LIMIT ?`, [limit])
      : await this.dataSource.query(`SELECT ${COLUMNS} FROM discretion_benchmarks WHERE clause > ? ORDER BY clause LIMIT ?`, [after, limit]);
    return rows.map(benchmarkOf);
  }

  /** The names of these clauses' benchmarks (clauses without one are left out). */
  async names(clauses: string[]): Promise<Map<string, string>> {
    if (!clauses.length) return new Map();
    const rows: { clause: string; name: string }[] = await this.dataSource.query('SELECT clause, name FROM discretion_benchmarks WHERE clause IN (?)', [[...new Set(clauses)]]);
    return new Map(rows.map((r) => [r.clause, r.name]));
  }
}
