import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the nightly anomaly report reads in order instead of sorting: enterprise sequences, enterprise-agency counts, uncoded inspections, items. */
export class ReportIndexes1764400000000 implements MigrationInterface {
  name = 'ReportIndexes1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_inspections_enterprise_sequence\` ON \`inspections\` (\`credit_code\`, \`started_at\`, \`id\`, \`agency_id\`, \`trigger_type\`, \`joint_id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_inspections_enterprise_agency\` ON \`inspections\` (\`credit_code\`, \`agency_id\`, \`trigger_type\`, \`started_at\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_inspections_uncoded\` ON \`inspections\` (\`coded\`, \`started_at\`, \`trigger_type\`, \`coded_at\`, \`agency_id\`, \`credit_code\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_inspection_items_item\` ON \`inspection_items\` (\`item_id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_inspection_items_item\` ON \`inspection_items\``);
    await queryRunner.query(`DROP INDEX \`idx_inspections_uncoded\` ON \`inspections\``);
    await queryRunner.query(`DROP INDEX \`idx_inspections_enterprise_agency\` ON \`inspections\``);
    await queryRunner.query(`DROP INDEX \`idx_inspections_enterprise_sequence\` ON \`inspections\``);
  }
}
