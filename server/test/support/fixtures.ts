import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/modules/auth/password.js';

export const PASSWORD = 'demo1234';

/** Two agencies with an officer each, and one login per role (password demo1234). */
export async function seedTwoAgencies(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    "INSERT INTO agencies (id, name, kind, region) VALUES ('A1', '市市场监督管理局', 'market', '410202'), ('A2', '市消防救援支队', 'fire', '410203')",
  );
  await dataSource.query(
    "INSERT INTO officers (id, agency_id, name, cert_no) VALUES ('O1', 'A1', '张伟', '豫C0000001'), ('O2', 'A2', '李娜', '豫C0000002')",
  );
  const hash = await hashPassword(PASSWORD);
  const users: [string, string, string | null, string | null][] = [
    ['supervisor', 'supervisor', null, null],
    ['discipline', 'discipline', null, null],
    ['admin1', 'agency-admin', 'A1', null],
    ['admin2', 'agency-admin', 'A2', null],
    ['officer1', 'officer', 'A1', 'O1'],
    ['officer2', 'officer', 'A2', 'O2'],
  ];
  for (const [username, role, agencyId, officerId] of users) {
    await dataSource.query('INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id) VALUES (?, ?, ?, ?, ?, ?)', [
      username, hash, role, username, agencyId, officerId,
    ]);
  }
}

/** Lists an item on a stored inspection the way inspections are written: the row copies the inspection's trigger and start. */
export async function addInspectionItem(db: Pick<DataSource, 'query'>, inspectionId: string, itemId: string, position = 0): Promise<void> {
  await db.query(
    'INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) SELECT id, ?, ?, trigger_type, started_at FROM inspections WHERE id = ?',
    [itemId, position, inspectionId],
  );
}

/** Puts an officer on a stored inspection the way inspections are written: the row copies the inspection's agency, enterprise and times. */
export async function addInspectionOfficer(db: Pick<DataSource, 'query'>, inspectionId: string, officerId: string, position = 0): Promise<void> {
  await db.query(
    `INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at)
     SELECT id, ?, ?, agency_id, credit_code, started_at, finished_at FROM inspections WHERE id = ?`,
    [officerId, position, inspectionId],
  );
  // As the writers keep it: the record counts the officers it lists.
  await db.query('UPDATE inspections SET officer_count = officer_count + 1 WHERE id = ?', [inspectionId]);
}
