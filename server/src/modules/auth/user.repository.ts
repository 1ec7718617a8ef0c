import { Injectable } from '@nestjs/common';
import { actorUserId, type Role } from '@mashang/shared';
import { EntityTable } from '../../infra/database/entity-table.js';
import type { Tx } from '../../infra/database/tx.js';
import { User } from './user.entity.js';

@Injectable()
export class UserRepository extends EntityTable<User> {
  protected readonly entity = User;

  /** Display names by id, for logs and views that name who did something. */
  async displayNames(ids: number[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: number; display_name: string }[] = await this.db(tx).query('SELECT id, display_name FROM users WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((u) => [String(u.id), u.display_name]));
  }

  /** Display names of the users among these actors (`user:12:officer1`), by actor: who did something, as people know them. */
  async actorNames(actors: readonly string[], tx?: Tx): Promise<Map<string, string>> {
    const ids = actors.map(actorUserId).filter((id): id is number => id !== null);
    const names = await this.displayNames(ids, tx);
    return new Map(actors.flatMap((actor) => {
      const name = names.get(String(actorUserId(actor)));
      return name ? [[actor, name] as [string, string]] : [];
    }));
  }

  /** The agency and officer record of each of these users that exists, by id: to name who acted without naming the account. */
  async staffOf(ids: number[], tx?: Tx): Promise<Map<number, { agencyId: string | null; officerId: string | null }>> {
    if (!ids.length) return new Map();
    const rows: { id: number; agency_id: string | null; officer_id: string | null }[] = await this.db(tx).query(
      'SELECT id, agency_id, officer_id FROM users WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((u) => [Number(u.id), { agencyId: u.agency_id, officerId: u.officer_id }]));
  }

  /** Active users of a role, by display name. */
  activeOfRole(role: Role, tx?: Tx): Promise<{ id: number; display_name: string }[]> {
    return this.db(tx).query('SELECT id, display_name FROM users WHERE role = ? AND active = 1 ORDER BY display_name, id', [role]);
  }

  async isActiveOfRole(id: number, role: Role, tx?: Tx): Promise<boolean> {
    const [row] = await this.db(tx).query('SELECT id FROM users WHERE id = ? AND role = ? AND active = 1', [id, role]);
    return Boolean(row);
  }

  /** The accounts of an officer that are (or are not) active, locked for the caller's transaction. */
  async idsOfOfficer(officerId: string, active: boolean, tx: Tx): Promise<number[]> {
    const rows: { id: number }[] = await tx.query('SELECT id FROM users WHERE officer_id = ? AND active = ? ORDER BY id FOR UPDATE', [officerId, active ? 1 : 0]);
    return rows.map((r) => Number(r.id));
  }

  async setActive(ids: number[], active: boolean, tx: Tx): Promise<void> {
    if (ids.length) await tx.query('UPDATE users SET active = ? WHERE id IN (?)', [active ? 1 : 0, ids]);
  }

  /** Creates a login, or resets an existing one of that username to these values (active). */
  async upsertLogin(login: { username: string; passwordHash: string; role: Role; displayName: string; agencyId: string | null; officerId: string | null }, tx?: Tx): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO users (username, password_hash, role, display_name, agency_id, officer_id, active) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), role = VALUES(role), display_name = VALUES(display_name),
         agency_id = VALUES(agency_id), officer_id = VALUES(officer_id), active = 1`,
      [login.username, login.passwordHash, login.role, login.displayName, login.agencyId, login.officerId],
    );
  }
}
