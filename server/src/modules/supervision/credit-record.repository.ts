import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** An entry in an enterprise's credit record. */
export interface CreditRecordEntry {
  creditCode: string;
  /** fabricated-complaint */
  kind: string;
  caseId: string | null;
  note: string;
  actor: string;
  at: Date;
}

/** Statements on `enterprise_credit_records`: entries are only ever inserted. */
@Injectable()
export class CreditRecordRepository extends BaseRepository {
  async insert(entry: CreditRecordEntry, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO enterprise_credit_records (credit_code, kind, case_id, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)', [
      entry.creditCode, entry.kind, entry.caseId, entry.note, entry.actor, entry.at,
    ]);
  }

  /** An enterprise's entries, oldest first. */
  async ofEnterprise(creditCode: string): Promise<CreditRecordEntry[]> {
    const rows: { credit_code: string; kind: string; case_id: string | null; note: string; actor: string; at: Date }[] = await this.dataSource.query(
      'SELECT credit_code, kind, case_id, note, actor, at FROM enterprise_credit_records WHERE credit_code = ? ORDER BY at', [creditCode]);
    return rows.map((r) => ({ creditCode: r.credit_code, kind: r.kind, caseId: r.case_id, note: r.note, actor: r.actor, at: new Date(r.at) }));
  }
}
