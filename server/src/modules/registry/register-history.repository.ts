import { Injectable } from '@nestjs/common';
import type { StagedTables } from '../../infra/database/staged-tables.js';
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

  /** The table an import's register history fills. */
  importTable(): string {
    return 'register_history';
  }

  /** History of an import into empty registers, into the history's staging copy (the bulk path); ids are assigned in order. */
  async stage(actor: string, events: HistoryEvent[], at: Date, stage: StagedTables): Promise<void> {
    const loader = await stage.loader('register_history', ['register', 'subject_id', 'action', 'actor', 'changes', 'at']);
    for (const event of events) loader.write([event.register, event.subjectId, event.action, actor, JSON.stringify(event.changes), at]);
    await stage.flushDue();
  }

  of(register: RegisterName, subjectId: string): Promise<RegisterHistory[]> {
    return this.dataSource.manager.find(RegisterHistory, { where: { register, subjectId }, order: { id: 'ASC' } });
  }
}
