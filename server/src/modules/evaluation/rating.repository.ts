import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../infra/database/keyset.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A rating as imported (the exchange format's `rating`). */
export interface ImportedRating {
  inspectionId: string;
  agencyId: string;
  language: number;
  procedure: number;
  manner: number;
  fairness: number;
  verdict: string;
  flags: string[];
  comment: string | null;
  ratedAt: Date;
}

/** The enterprises' ratings of inspections, one per inspection and agency. */
@Injectable()
export class RatingRepository extends BaseRepository {
  async upsertMany(records: ImportedRating[], tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES ?
       ON DUPLICATE KEY UPDATE language_score = VALUES(language_score), procedure_score = VALUES(procedure_score), manner_score = VALUES(manner_score),
         fairness_score = VALUES(fairness_score), verdict = VALUES(verdict), flags = VALUES(flags), comment = VALUES(comment), rated_at = VALUES(rated_at)`,
      [records.map((r) => [r.inspectionId, r.agencyId, r.language, r.procedure, r.manner, r.fairness, r.verdict, r.flags.join(','), r.comment, r.ratedAt])],
    );
  }

  /** The next page of ratings in key order, for the exchange export. */
  exchangePage(after: unknown[] | null, limit: number): Promise<Record<string, any>[]> {
    return keysetPage(this.dataSource.manager, {
      table: 'ratings', keys: ['inspection_id', 'agency_id'],
      columns: 'inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at',
    }, after, limit);
  }
}
