import { Injectable } from '@nestjs/common';
import type { BookingSlot, HalfDay } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** Statements on `inspection_notices` and `inspection_bookings`. */
@Injectable()
export class InspectionNoticeRepository extends BaseRepository {
  /** Which of these (inspection, date) pairs were announced already, as `leadPlanId|date`. */
  async noticed(pairs: { leadPlanId: string; date: string }[], tx?: Tx): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows: { lead_plan_id: string; inspection_date: string }[] = await this.db(tx).query(
      'SELECT lead_plan_id, inspection_date FROM inspection_notices WHERE (lead_plan_id, inspection_date) IN (?)', [pairs.map((p) => [p.leadPlanId, p.date])]);
    return new Set(rows.map((r) => `${r.lead_plan_id}|${r.inspection_date}`));
  }

  /** Records a notice sent; false when it was recorded already. */
  async recordNotice(notice: { leadPlanId: string; date: string; creditCode: string; sentAt: Date; providerMessageId: string | null }, tx?: Tx): Promise<boolean> {
    const result: { affectedRows: number } = await this.db(tx).query(
      'INSERT IGNORE INTO inspection_notices (lead_plan_id, inspection_date, credit_code, sent_at, provider_message_id) VALUES (?, ?, ?, ?, ?)',
      [notice.leadPlanId, notice.date, notice.creditCode, notice.sentAt, notice.providerMessageId],
    );
    return result.affectedRows === 1;
  }

  /** The half-days marked for these inspections, each inspection's in date order, with when they were marked. */
  async slotsOf(leadPlanIds: string[], tx?: Tx): Promise<Map<string, { slots: BookingSlot[]; markedAt: Date }>> {
    if (!leadPlanIds.length) return new Map();
    const rows: { lead_plan_id: string; day: string; half: HalfDay; marked_at: Date }[] = await this.db(tx).query(
      'SELECT lead_plan_id, day, half, marked_at FROM inspection_bookings WHERE lead_plan_id IN (?) ORDER BY lead_plan_id, day, half', [leadPlanIds]);
    const byPlan = new Map<string, { slots: BookingSlot[]; markedAt: Date }>();
    for (const r of rows) {
      const entry = byPlan.get(r.lead_plan_id) ?? { slots: [], markedAt: new Date(r.marked_at) };
      entry.slots.push({ date: r.day, half: r.half });
      byPlan.set(r.lead_plan_id, entry);
    }
    return byPlan;
  }

  /** Replaces the half-days the enterprise marked for an inspection. */
  async replaceSlots(leadPlanId: string, creditCode: string, slots: BookingSlot[], at: Date, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM inspection_bookings WHERE lead_plan_id = ?', [leadPlanId]);
    if (slots.length) {
      await tx.query('INSERT INTO inspection_bookings (lead_plan_id, day, half, credit_code, marked_at) VALUES ?', [slots.map((s) => [leadPlanId, s.date, s.half, creditCode, at])]);
    }
  }
}
