import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Items checked on an inspection, in the order they were listed. */
@Entity('inspection_items')
@Index('idx_inspection_items_item', ['itemId'])
export class InspectionItem {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ type: 'smallint' })
  position: number;
}
