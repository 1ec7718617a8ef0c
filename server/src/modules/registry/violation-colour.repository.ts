import { Injectable } from '@nestjs/common';
import type { ColourRule, ViolationColour } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

interface ColourRow {
  item_id: string;
  colour: ViolationColour;
  rectify_days: number;
}

/** An item of an agency with its list entry, if it has one. */
export interface ItemColour {
  itemId: string;
  itemName: string;
  basis: string;
  colour: ViolationColour | null;
  rectifyDays: number | null;
  updatedAt: Date | null;
}

/** Every statement on `violation_colours` (三色清单). */
@Injectable()
export class ViolationColourRepository extends BaseRepository {
  /** The list entries of these items, by item id (items without one are absent). */
  async rulesOf(itemIds: string[], tx?: Tx): Promise<Map<string, ColourRule>> {
    if (!itemIds.length) return new Map();
    const rows: ColourRow[] = await this.db(tx).query('SELECT item_id, colour, rectify_days FROM violation_colours WHERE item_id IN (?)', [[...new Set(itemIds)]]);
    return new Map(rows.map((r) => [r.item_id, { itemId: r.item_id, colour: r.colour, rectifyDays: Number(r.rectify_days) }]));
  }

  /** Every item of the agency with its colour (or none), by name. */
  async ofAgency(agencyId: string, tx?: Tx): Promise<ItemColour[]> {
    const rows: (ColourRow & { name: string; basis: string; updated_at: Date | null })[] = await this.db(tx).query(
      `SELECT i.id AS item_id, i.name, i.basis, c.colour, c.rectify_days, c.updated_at
       FROM items i LEFT JOIN violation_colours c ON c.item_id = i.id
       WHERE i.agency_id = ? ORDER BY i.name, i.id`, [agencyId]);
    return rows.map((r) => ({
      itemId: r.item_id, itemName: r.name, basis: r.basis, colour: r.colour ?? null,
      rectifyDays: r.rectify_days === null ? null : Number(r.rectify_days), updatedAt: r.updated_at ? new Date(r.updated_at) : null,
    }));
  }

  async put(agencyId: string, rule: ColourRule, at: Date, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO violation_colours (item_id, agency_id, colour, rectify_days, updated_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE colour = VALUES(colour), rectify_days = VALUES(rectify_days), updated_at = VALUES(updated_at)`,
      [rule.itemId, agencyId, rule.colour, rule.rectifyDays, at]);
  }

  async remove(itemId: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM violation_colours WHERE item_id = ?', [itemId]);
  }
}
