import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, Role, userActor, type HistoryEntryDto, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import { UserRepository } from '../auth/index.js';
import { agencyScope } from '../auth/scope.js';
import { diffFields, REGISTER_FIELDS } from './register-history.js';
import { RegisterHistoryRepository } from './register-history.repository.js';
import type { RegisterName } from './register-history.entity.js';

export const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);
export const invalidReference = (field: string, reason: string) => new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);

export function found<T>(row: T | null, label: string): T {
  if (!row) throw notFound(label);
  return row;
}

/** Officers and agency admins see their own agency; overseers may narrow to one. */
export function agencyFilter(user: SessionUser, requested?: string): string | null {
  const scope = agencyScope(user);
  if (scope && requested && requested !== scope) throw forbidden('不能访问其他部门的数据');
  return scope ?? requested ?? null;
}

export function assertMayEdit(user: SessionUser, agencyId: string): void {
  if (user.role === Role.Supervisor) return;
  if (user.role === Role.AgencyAdmin && user.agencyId === agencyId) return;
  throw forbidden('只有本部门管理员或执法监督部门可以修改');
}

/** Every create and update of a register entry goes into the register history, in the same transaction. */
@Injectable()
export class RegisterEdits {
  constructor(
    @Inject(RegisterHistoryRepository) private readonly history: RegisterHistoryRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async created(user: SessionUser, register: RegisterName, subjectId: string, row: Record<string, unknown>, tx: Tx): Promise<void> {
    await this.history.append(userActor(user), [{ register, subjectId, action: 'create', changes: diffFields(null, row, REGISTER_FIELDS[register]) }], new Date(), tx);
  }

  /** Writes the update only when a recorded field changes, and records what changed. */
  async updated(
    user: SessionUser, register: RegisterName, subjectId: string, before: Record<string, unknown>, after: Record<string, unknown>, write: () => Promise<unknown>, tx: Tx,
  ): Promise<void> {
    const changes = diffFields(before, after, REGISTER_FIELDS[register]);
    if (!Object.keys(changes).length) return;
    await write();
    await this.history.append(userActor(user), [{ register, subjectId, action: 'update', changes }], new Date(), tx);
  }

  async read(register: RegisterName, subjectId: string): Promise<HistoryEntryDto[]> {
    const rows = await this.history.of(register, subjectId);
    // Who edited, by the name people know them by rather than their account.
    const names = await this.users.actorNames(rows.map((row) => row.actor));
    return rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, actorName: names.get(row.actor) ?? null, action: row.action, changes: JSON.parse(row.changes) }));
  }
}
