import { Injectable } from '@nestjs/common';
import type { RatingProblem, RatingRecord, RatingVerdict } from '@mashang/shared';
import { keysetPage } from '../../infra/database/keyset.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';
const IMPORT_COLUMNS = ['inspection_id', 'agency_id', 'language_score', 'procedure_score', 'manner_score', 'fairness_score', 'verdict', 'flags', 'comment', 'rated_at'];
const importRow = (r: RatingRecord) => [r.inspectionId, r.agencyId, r.language, r.procedure, r.manner, r.fairness, r.verdict, r.flags.join(','), r.comment, r.ratedAt];

/** Statements on `ratings`: each agency of an inspection is rated once (the primary key holds it under concurrency too). */
@Injectable()
export class RatingRepository extends BaseRepository {
  /** Records a rating with the salt of its trail digest; false when this agency's part of the inspection is rated already. */
  async insert(rating: RatingRecord & { digestSalt: string }, tx: Tx): Promise<boolean> {
    try {
      await tx.query(
        `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at, digest_salt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [rating.inspectionId, rating.agencyId, rating.language, rating.procedure, rating.manner, rating.fairness, rating.verdict, rating.flags.join(','), rating.comment, rating.ratedAt, rating.digestSalt],
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === DUPLICATE_ENTRY) return false;
      throw error;
    }
  }

  /** The ratings of one inspection's agencies, in the order they came. */
  async ofInspection(inspectionId: string): Promise<RatingRecord[]> {
    const rows: { inspection_id: string; agency_id: string; language_score: number; procedure_score: number; manner_score: number; fairness_score: number; verdict: RatingVerdict; flags: string; comment: string | null; rated_at: Date }[] =
      await this.dataSource.query(
        'SELECT inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at FROM ratings WHERE inspection_id = ? ORDER BY rated_at',
        [inspectionId],
      );
    return rows.map((r) => ({
      inspectionId: r.inspection_id,
      agencyId: r.agency_id,
      language: r.language_score,
      procedure: r.procedure_score,
      manner: r.manner_score,
      fairness: r.fairness_score,
      verdict: r.verdict,
      flags: r.flags ? (r.flags.split(',') as RatingProblem[]) : [],
      comment: r.comment,
      ratedAt: new Date(r.rated_at),
    }));
  }

  /**
   * Whether and when each agency of these inspection records was rated, and the verdict: what the enterprise
   * itself sees of its own ratings on its page (never an agency).
   */
  async verdictsOf(inspectionIds: string[]): Promise<{ inspectionId: string; agencyId: string; verdict: RatingVerdict; ratedAt: Date }[]> {
    if (!inspectionIds.length) return [];
    const rows: { inspection_id: string; agency_id: string; verdict: RatingVerdict; rated_at: Date }[] = await this.dataSource.query(
      'SELECT inspection_id, agency_id, verdict, rated_at FROM ratings WHERE inspection_id IN (?)', [inspectionIds]);
    return rows.map((r) => ({ inspectionId: r.inspection_id, agencyId: r.agency_id, verdict: r.verdict, ratedAt: new Date(r.rated_at) }));
  }

  /** Per agency (of one, or all): ratings since `since`, the mean of the four scores, and how many approved. */
  async satisfactionByAgency(since: Date, agencyId: string | null): Promise<{ agencyId: string; ratings: number; meanScore: number; approved: number }[]> {
    const rows: { agency_id: string; n: number; mean: string | number; approve: number }[] = await this.dataSource.query(
      `SELECT agency_id, COUNT(*) AS n, AVG((language_score + procedure_score + manner_score + fairness_score) / 4) AS mean, SUM(verdict = 'approve') AS approve
       FROM ratings WHERE rated_at >= ?${agencyId ? ' AND agency_id = ?' : ''} GROUP BY agency_id`,
      agencyId ? [since, agencyId] : [since],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, ratings: Number(r.n), meanScore: Number(r.mean), approved: Number(r.approve) }));
  }

  /**
   * Ratings per Shanghai month in [from, to), of one agency or all: how many, the sum of their four
   * scores and how many were poor (a disapproval, a score at `poorScore` or lower, a problem ticked).
   */
  async monthly(from: Date, to: Date, poorScore: number, agencyId: string | null): Promise<{ month: string; ratings: number; scoreSum: number; low: number }[]> {
    const rows: { month: string; n: number; score_sum: string | number; low: string | number }[] = await this.dataSource.query(
      `SELECT DATE_FORMAT(DATE_ADD(rated_at, INTERVAL 8 HOUR), '%Y-%m') AS month, COUNT(*) AS n,
         SUM(language_score + procedure_score + manner_score + fairness_score) AS score_sum,
         SUM(verdict = 'disapprove' OR LEAST(language_score, procedure_score, manner_score, fairness_score) <= ? OR flags <> '') AS low
       FROM ratings WHERE rated_at >= ? AND rated_at < ?${agencyId ? ' AND agency_id = ?' : ''} GROUP BY month`,
      [poorScore, from, to, ...(agencyId ? [agencyId] : [])],
    );
    return rows.map((r) => ({ month: r.month, ratings: Number(r.n), scoreSum: Number(r.score_sum), low: Number(r.low) }));
  }

  /** Imported ratings: inserted or replaced. */
  async upsertMany(records: RatingRecord[], tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES ?
       ON DUPLICATE KEY UPDATE language_score = VALUES(language_score), procedure_score = VALUES(procedure_score), manner_score = VALUES(manner_score),
         fairness_score = VALUES(fairness_score), verdict = VALUES(verdict), flags = VALUES(flags), comment = VALUES(comment), rated_at = VALUES(rated_at)`,
      [records.map(importRow)],
    );
  }

  /** The tables an import of ratings fills. */
  importTables(): string[] {
    return ['ratings'];
  }

  /** Imported ratings into an empty table's staging copy (the bulk path): the rows upsertMany writes. */
  async stageMany(records: RatingRecord[], stage: StagedTables): Promise<void> {
    const ratings = await stage.loader('ratings', IMPORT_COLUMNS);
    for (const r of records) ratings.write(importRow(r));
    await stage.flushDue();
  }

  /** The next page of ratings in key order, for the exchange export. */
  exchangePage(after: unknown[] | null, limit: number): Promise<Record<string, any>[]> {
    return keysetPage(this.dataSource.manager, {
      table: 'ratings', keys: ['inspection_id', 'agency_id'],
      columns: 'inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at',
    }, after, limit);
  }
}
