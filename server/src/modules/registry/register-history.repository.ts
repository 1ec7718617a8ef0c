import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { HistoryEvent } from './register-history.js';
import { RegisterHistory, type RegisterName } from './register-history.entity.js';

/** The register history: every create and update of a register entry, with who and when. */
@Injectable()
export class RegisterHistoryRepository extends BaseRepository {
  async append(actor: string, events: HistoryEvent[], at: Date, tx: Tx): Promise<void> {
    if (!events.length) return;
    await tx.insert(RegisterHistory, events.map((event) => ({ ...event, actor, at, changes: JSON.stringify(event.changes) })));
  }

  of(register: RegisterName, subjectId: string): Promise<RegisterHistory[]> {
    return this.dataSource.manager.find(RegisterHistory, { where: { register, subjectId }, order: { id: 'ASC' } });
  }
}
