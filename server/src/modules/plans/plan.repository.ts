import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../infra/database/tx.js';

/** Statements on `plans` for other modules' reads. */
@Injectable()
export class PlanRepository extends BaseRepository {
  /**
   * Plans under way: active, checked in within [from, to) and not finished, counted per agency (of one
   * agency, or all), most first.
   */
  async inProgressByAgency(from: Date, to: Date, agencyId: string | null): Promise<{ agencyId: string; count: number }[]> {
    const rows: { agency_id: string; n: number }[] = await this.dataSource.query(
      `SELECT agency_id, COUNT(*) AS n FROM plans WHERE status = 'active' AND checked_in_at >= ? AND checked_in_at < ? AND finished_at IS NULL${agencyId ? ' AND agency_id = ?' : ''}
       GROUP BY agency_id ORDER BY n DESC, agency_id`,
      agencyId ? [from, to, agencyId] : [from, to],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, count: Number(r.n) }));
  }
}
