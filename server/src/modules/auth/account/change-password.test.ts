import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import { DomainError, TryLaterError } from '../../../infra/errors/domain-error.js';
import type { PasswordCheck } from '../login/password-check.js';
import type { Passwords } from '../password.js';
import type { Sessions } from '../sessions/sessions.js';
import type { UserRepository } from '../user.repository.js';
import { ChangePassword } from './change-password.js';

const OFFICER: SessionUser = { id: 5, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const TX = {} as Tx;

function setUp(checked: () => Promise<unknown> = async () => ({})) {
  const events: string[] = [];
  const change = new ChangePassword(
    { update: async (where: { id: number }, patch: { passwordHash: string }, tx?: Tx) => void events.push(`update ${where.id} ${patch.passwordHash} ${tx === TX ? 'in tx' : 'outside'}`) } as unknown as UserRepository,
    { check: async (username: string, password: string, ip: string) => (events.push(`check ${username} ${password} ${ip}`), checked()) } as unknown as PasswordCheck,
    { hash: async (password: string) => `hash(${password})` } as unknown as Passwords,
    {
      endAllOf: async (userId: number, reason: string, { except }: { except?: string }, tx?: Tx) => void events.push(`end all of ${userId} (${reason}) but ${except} ${tx === TX ? 'in tx' : 'outside'}`),
      changed: async (userId: number) => void events.push(`changed ${userId}`),
    } as unknown as Sessions,
    { run: async (work: (tx: Tx) => Promise<unknown>) => { events.push('begin'); const result = await work(TX); events.push('commit'); return result; } } as unknown as Transactions,
  );
  return { change, events };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('changing one\'s password', () => {
  it('checks the current password, stores the new hash and ends the other sessions together, then tells every process', async () => {
    const { change, events } = setUp();
    await change.change(OFFICER, 'session-1', 'demo1234', 'new-secret-1', '10.0.0.1');
    expect(events).toEqual([
      'check officer1 demo1234 10.0.0.1',
      'begin',
      'update 5 hash(new-secret-1) in tx',
      'end all of 5 (password) but session-1 in tx',
      'commit',
      'changed 5',
    ]);
  });

  it('answers a wrong current password as a field error, not 401, which would sign the user out', async () => {
    const { change, events } = setUp(async () => { throw new DomainError(ErrorCode.InvalidCredentials, '账号或密码不正确'); });
    const refused = await refusal(change.change(OFFICER, 'session-1', 'nope', 'new-secret-1', '10.0.0.1'));
    expect([refused.code, refused.fields]).toEqual([ErrorCode.ValidationFailed, [{ field: 'currentPassword', reason: '原密码不正确' }]]);
    expect(events).toHaveLength(1);
  });

  it('passes a throttle refusal on as it is', async () => {
    const { change } = setUp(async () => { throw new TryLaterError('登录失败次数过多，请4秒后再试。', 4); });
    expect(await refusal(change.change(OFFICER, 'session-1', 'nope', 'new-secret-1', '10.0.0.1'))).toBeInstanceOf(TryLaterError);
  });

  it('refuses a new password equal to the current one before checking anything', async () => {
    const { change, events } = setUp();
    const refused = await refusal(change.change(OFFICER, 'session-1', 'demo1234', 'demo1234', '10.0.0.1'));
    expect(refused.fields).toEqual([{ field: 'newPassword', reason: '新密码不能与原密码相同' }]);
    expect(events).toEqual([]);
  });
});
