import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

export interface IssuedCodeRow {
  token: string;
  leadPlanId: string;
  issuedAt: Date;
  issuedBy: number;
  expiresAt: Date;
}

/** Every statement on `inspection_codes`: one code per inspection, named by its lead plan. */
@Injectable()
export class InspectionCodeRepository extends BaseRepository {
  /** The inspection's code still in force (not revoked), if one is issued. */
  async liveOf(leadPlanId: string, tx?: Tx): Promise<{ token: string; expiresAt: Date } | null> {
    const [row]: { token: string; expires_at: Date }[] = await this.db(tx).query(
      'SELECT token, expires_at FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [leadPlanId]);
    return row ? { token: row.token, expiresAt: new Date(row.expires_at) } : null;
  }

  async insert(code: IssuedCodeRow, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO inspection_codes (token, lead_plan_id, issued_at, issued_by, expires_at) VALUES (?, ?, ?, ?, ?)', [
      code.token, code.leadPlanId, code.issuedAt, code.issuedBy, code.expiresAt,
    ]);
  }

  async byToken(token: string, tx?: Tx): Promise<{ leadPlanId: string; expiresAt: Date; revokedAt: Date | null } | null> {
    const [row]: { lead_plan_id: string; expires_at: Date; revoked_at: Date | null }[] = await this.db(tx).query(
      'SELECT lead_plan_id, expires_at, revoked_at FROM inspection_codes WHERE token = ?', [token]);
    return row ? { leadPlanId: row.lead_plan_id, expiresAt: new Date(row.expires_at), revokedAt: row.revoked_at ? new Date(row.revoked_at) : null } : null;
  }

  /** Revokes the inspection's code once none of its plans is active any more. */
  async revokeWhenNoneActive(leadPlanId: string, at: Date, tx: Tx): Promise<void> {
    await tx.query(
      "UPDATE inspection_codes SET revoked_at = ? WHERE lead_plan_id = ? AND revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM plans WHERE lead_plan_id = ? AND status = 'active')",
      [at, leadPlanId, leadPlanId],
    );
  }

  /** Revokes the inspection's live code (an off-site check turned into a visit gets a code for its visit). */
  async revokeLive(leadPlanId: string, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE inspection_codes SET revoked_at = ? WHERE lead_plan_id = ? AND revoked_at IS NULL', [at, leadPlanId]);
  }

  /** When the inspection's first code was issued, or null when it has none. */
  async firstIssuedAt(leadPlanId: string, tx?: Tx): Promise<Date | null> {
    const [row]: { issued_at: Date | null }[] = await this.db(tx).query('SELECT MIN(issued_at) AS issued_at FROM inspection_codes WHERE lead_plan_id = ?', [leadPlanId]);
    return row?.issued_at ? new Date(row.issued_at) : null;
  }
}
