import type { DataSource } from 'typeorm';
import type { DemoLogin } from './data/logins.js';

/**
 * Creates a demo login's row in `users`, or resets it to the demo's values. The one place the
 * demo writes a table of the auth module; it moves into auth's repository once there is one.
 */
export async function upsertDemoUser(dataSource: DataSource, login: DemoLogin, passwordHash: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id, active) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), role = VALUES(role), display_name = VALUES(display_name),
       agency_id = VALUES(agency_id), officer_id = VALUES(officer_id), active = 1`,
    [login.username, passwordHash, login.role, login.displayName, login.agencyId ?? null, login.officerId ?? null],
  );
}
