import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Items checked on an inspection, in the order they were listed. Each row also carries its
 * inspection's trigger and start (inspection records are written once, with their items): the
 * nightly report finds an item's planned inspections in its window from one index.
 */
@Entity('inspection_items')
@Index('idx_inspection_items_window', ['itemId', 'trigger', 'startedAt'])
export class InspectionItem {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'trigger_type', type: 'varchar', length: 16 })
  trigger: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;
}
