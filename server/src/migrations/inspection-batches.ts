import type { QueryRunner } from 'typeorm';

/** Inspections per statement: small transactions (TiDB caps a transaction's size). */
const BACKFILL_BATCH = 5000;

/**
 * Runs `update` once per batch of inspections, in id order: its two parameters bound a range of
 * inspection ids (`> ?` and `<= ?`). Migrations that copy an inspection's columns onto its member
 * rows use it, so no statement rewrites a large table at once.
 */
export async function forEachInspectionBatch(queryRunner: QueryRunner, update: string): Promise<void> {
  let after = '';
  for (;;) {
    const [last]: { id: string | null }[] = await queryRunner.query(
      'SELECT MAX(id) AS id FROM (SELECT id FROM inspections WHERE id > ? ORDER BY id LIMIT ?) batch',
      [after, BACKFILL_BATCH],
    );
    if (!last?.id) return;
    await queryRunner.query(update, [after, last.id]);
    after = last.id;
  }
}
