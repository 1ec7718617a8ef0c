import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Items checked on an inspection, in the order they were listed. */
@Entity('inspection_items')
export class InspectionItem {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64 })
  inspectionId: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64 })
  itemId: string;

  @Column({ type: 'smallint' })
  position: number;
}
