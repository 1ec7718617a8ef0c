import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../../infra/database/tx.js';
import { Sessions } from '../sessions/sessions.js';
import { UserRepository } from '../user.repository.js';

/**
 * The accounts of an officer follow the officer's place in the register: an officer taken off duty
 * (停用) can no longer sign in, and every session ends at once; put back on duty, the accounts sign in
 * again. Runs in the register change's transaction; `committed` tells every process afterwards.
 */
@Injectable()
export class OfficerAccounts {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  /** Sets the officer's accounts active or not; answers the accounts that changed. */
  async setActive(officerId: string, active: boolean, tx: Tx): Promise<number[]> {
    const ids = await this.users.idsOfOfficer(officerId, !active, tx);
    if (!ids.length) return [];
    await this.users.setActive(ids, active, tx);
    if (!active) for (const id of ids) await this.sessions.endAllOf(id, 'deactivated', {}, tx);
    return ids;
  }

  /** After the commit: other processes drop what they know of these accounts' sessions. */
  async committed(userIds: number[]): Promise<void> {
    for (const id of userIds) await this.sessions.changed(id);
  }
}
