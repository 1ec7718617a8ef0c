import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { Sessions } from '../sessions/sessions.js';
import type { User } from '../user.entity.js';
import type { UserRepository } from '../user.repository.js';
import { UserActivation } from './user-activation.js';

const SUPERVISOR: SessionUser = { id: 1, username: 'supervisor', role: Role.Supervisor, displayName: '督查', agencyId: null, officerId: null };
const OFFICER = { id: 5, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1', active: true, passwordHash: 'x' } as User;
const TX = {} as Tx;

function setUp(users: User[]) {
  const events: string[] = [];
  const activation = new UserActivation(
    {
      find: async ({ id }: { id: number }, tx?: Tx, options?: { forUpdate?: boolean }) => (events.push(`find ${id}${options?.forUpdate ? ' for update' : ''}${tx === TX ? ' in tx' : ''}`), users.find((u) => u.id === id) ?? null),
      update: async (where: { id: number }, patch: { active: boolean }) => void events.push(`update ${where.id} active=${patch.active}`),
    } as unknown as UserRepository,
    {
      endAllOf: async (userId: number, reason: string, _options: unknown, tx?: Tx) => void events.push(`end all of ${userId} (${reason})${tx === TX ? ' in tx' : ''}`),
      changed: async (userId: number) => void events.push(`changed ${userId}`),
    } as unknown as Sessions,
    { run: async (work: (tx: Tx) => Promise<unknown>) => { const result = await work(TX); events.push('commit'); return result; } } as unknown as Transactions,
  );
  return { activation, events };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('deactivating and reactivating an account', () => {
  it('deactivates and ends every session in one transaction, then tells every process', async () => {
    const { activation, events } = setUp([OFFICER]);
    expect(await activation.setActive(SUPERVISOR, 5, false)).toEqual({ id: 5, username: 'officer1', role: 'officer', displayName: '张伟', agencyId: 'A1', officerId: 'O1', active: false });
    expect(events).toEqual(['find 5 for update in tx', 'update 5 active=false', 'end all of 5 (deactivated) in tx', 'commit', 'changed 5']);
  });

  it('reactivates without touching sessions (the user signs in anew)', async () => {
    const { activation, events } = setUp([{ ...OFFICER, active: false } as User]);
    expect((await activation.setActive(SUPERVISOR, 5, true)).active).toBe(true);
    expect(events).toEqual(['find 5 for update in tx', 'update 5 active=true', 'commit']);
  });

  it('refuses an unknown account, and a supervisor deactivating their own', async () => {
    const { activation } = setUp([OFFICER]);
    expect((await refusal(activation.setActive(SUPERVISOR, 99, false))).code).toBe(ErrorCode.NotFound);
    const own = await refusal(activation.setActive(SUPERVISOR, 1, false));
    expect([own.code, own.message]).toEqual([ErrorCode.Conflict, '不能停用自己正在使用的账号']);
  });
});
