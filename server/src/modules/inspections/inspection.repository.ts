import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** An inspection record as written when every agency has finished: the agency's part, its officers and items in order. */
export interface FinishedInspection {
  id: string;
  agencyId: string;
  creditCode: string;
  trigger: string;
  jointId: string | null;
  startedAt: Date;
  finishedAt: Date;
  coded: boolean;
  codedAt: Date | null;
  result: string;
  officers: { id: string; position: number }[];
  items: { id: string; position: number }[];
}

/**
 * Inspection records (the exchange format's `inspection`): written at finish or imported. Officer and
 * item rows carry their inspection's agency, enterprise, trigger and times, so the nightly report reads
 * each from one index.
 */
@Injectable()
export class InspectionRepository extends BaseRepository {
  async insertFinished(records: FinishedInspection[], tx: Tx): Promise<void> {
    if (!records.length) return;
    await tx.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [
      records.map((r) => [r.id, r.agencyId, r.creditCode, r.trigger, r.jointId, r.startedAt, r.finishedAt, r.coded, r.codedAt, r.result]),
    ]);
    const officers = records.flatMap((r) => r.officers.map((o) => [r.id, o.id, o.position, r.agencyId, r.creditCode, r.startedAt, r.finishedAt]));
    if (officers.length) {
      await tx.query('INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) VALUES ?', [officers]);
    }
    const items = records.flatMap((r) => r.items.map((i) => [r.id, i.id, i.position, r.trigger, r.startedAt]));
    if (items.length) await tx.query('INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) VALUES ?', [items]);
  }

  /** The agency an inspection record belongs to, or null when there is none. */
  async agencyOf(id: string, tx?: Tx): Promise<string | null> {
    const [row]: { agency_id: string }[] = await this.db(tx).query('SELECT agency_id FROM inspections WHERE id = ?', [id]);
    return row?.agency_id ?? null;
  }

  /** Which of the ids have an inspection record. */
  async recordedIds(ids: string[], tx?: Tx): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db(tx).query('SELECT id FROM inspections WHERE id IN (?)', [[...new Set(ids)]]);
    return new Set(rows.map((r) => r.id));
  }
}
