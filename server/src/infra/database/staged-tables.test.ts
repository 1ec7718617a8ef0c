import { stagingDefinition } from './staged-tables.js';

const INSPECTIONS = `CREATE TABLE \`inspections\` (
  \`id\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  \`agency_id\` varchar(64) NOT NULL,
  \`started_at\` datetime(3) NOT NULL,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uq_inspections_code\` (\`agency_id\`,\`id\`),
  KEY \`idx_inspections_start\` (\`started_at\`),
  KEY \`idx_inspections_agency_start\` (\`agency_id\`,\`started_at\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

describe('the staging copy of a table', () => {
  it('keeps the columns, the primary key and the engine, renamed, without the secondary keys', () => {
    expect(stagingDefinition(INSPECTIONS, 'inspections__staged')).toBe(`CREATE TABLE \`inspections__staged\` (
  \`id\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  \`agency_id\` varchar(64) NOT NULL,
  \`started_at\` datetime(3) NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  });

  it('keeps what follows the primary key on its line (TiDB marks it clustered)', () => {
    const tidb = 'CREATE TABLE `items` (\n  `id` varchar(64) NOT NULL,\n  PRIMARY KEY (`id`) /*T![clustered_index] CLUSTERED */,\n  KEY `idx_items_name` (`id`)\n) ENGINE=InnoDB';
    expect(stagingDefinition(tidb, 'items__staged')).toBe('CREATE TABLE `items__staged` (\n  `id` varchar(64) NOT NULL,\n  PRIMARY KEY (`id`) /*T![clustered_index] CLUSTERED */\n) ENGINE=InnoDB');
  });

  it('refuses a text it does not recognise rather than guess', () => {
    expect(() => stagingDefinition('CREATE VIEW `v` AS SELECT 1', 'v__staged')).toThrow(/unexpected/);
  });
});
