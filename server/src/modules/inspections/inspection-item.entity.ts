import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Items checked on an inspection, in the order they were listed. */
@Entity('inspection_items')
export class InspectionItem {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  @Column({ type: 'smallint' })
  position: number;
}
