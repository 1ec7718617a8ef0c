import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Penalty cases as a workflow: their procedure, the party's submissions, coercive measures, legal reviews, discretion benchmarks. */
export class PenaltyWorkflow1765400000000 implements MigrationInterface {
  name = 'PenaltyWorkflow1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`case_procedures\` (\`case_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`stage\` varchar(16) NOT NULL, \`origin\` varchar(16) NOT NULL, \`flagged_case_id\` varchar(36) COLLATE "utf8mb4_bin" NULL, \`facts\` text NOT NULL, \`legal_basis\` varchar(500) NOT NULL, \`factors\` text NULL, \`points\` int NULL, \`proposed_fine\` bigint NULL, \`range_min\` bigint NULL, \`range_max\` bigint NULL, \`outside_range_reason\` text NULL, \`notified_at\` datetime(3) NULL, \`statement_until\` datetime(3) NULL, \`hearing_until\` datetime(3) NULL, \`hearing_requested_at\` datetime(3) NULL, \`hearing_held_at\` datetime(3) NULL, \`measures\` varchar(100) NOT NULL DEFAULT '', \`decision_fine\` bigint NULL, \`major\` tinyint NOT NULL DEFAULT 0, \`code_hash\` char(64) NULL, \`filed_by\` int NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_case_procedures_code\` (\`code_hash\`), INDEX \`idx_case_procedures_stage\` (\`stage\`, \`updated_at\`), PRIMARY KEY (\`case_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`coercive_measures\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`case_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(8) NOT NULL, \`items\` text NOT NULL, \`document_no\` varchar(64) NOT NULL, \`started_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`extended_at\` datetime(3) NULL, \`extension_reason\` text NULL, \`released_at\` datetime(3) NULL, \`release_reason\` text NULL, INDEX \`idx_coercive_measures_due\` (\`released_at\`, \`due_at\`), INDEX \`idx_coercive_measures_case\` (\`case_id\`, \`started_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`discretion_benchmarks\` (\`clause\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`legal_basis\` varchar(500) NOT NULL, \`factors\` text NOT NULL, \`bands\` text NOT NULL, \`ranges\` text NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`updated_by\` varchar(200) NOT NULL, PRIMARY KEY (\`clause\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`legal_reviews\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`case_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`reasons\` varchar(100) NOT NULL, \`fine\` bigint NOT NULL, \`measures\` varchar(100) NOT NULL DEFAULT '', \`requested_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`verdict\` varchar(12) NULL, \`opinion\` text NULL, \`reviewer_id\` int NULL, \`decided_at\` datetime(3) NULL, INDEX \`idx_legal_reviews_case\` (\`case_id\`, \`requested_at\`), INDEX \`idx_legal_reviews_queue\` (\`verdict\`, \`due_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`party_submissions\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`case_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(12) NOT NULL, \`text\` text NOT NULL, \`at\` datetime(3) NOT NULL, \`flagged_case_id\` varchar(36) COLLATE "utf8mb4_bin" NULL, \`upheld\` tinyint NULL, INDEX \`idx_party_submissions_kind\` (\`kind\`, \`at\`), INDEX \`idx_party_submissions_case\` (\`case_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`party_submissions\``);
    await queryRunner.query(`DROP TABLE \`legal_reviews\``);
    await queryRunner.query(`DROP TABLE \`discretion_benchmarks\``);
    await queryRunner.query(`DROP TABLE \`coercive_measures\``);
    await queryRunner.query(`DROP TABLE \`case_procedures\``);
  }
}
