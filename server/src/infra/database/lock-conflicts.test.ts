import type { DataSource } from 'typeorm';
import { isLockConflict, LOCK_CONFLICT_ATTEMPTS } from './lock-conflicts.js';
import { Transactions } from './tx.js';

// As mysql2 reports them: MariaDB Galera's certification failure is the ordinary deadlock error.
const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
const notSynced = Object.assign(new Error('WSREP has not yet prepared node for application use'), { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 });

describe('lock conflicts', () => {
  it('counts deadlocks, lock wait timeouts and Galera refusals as rolled back, nothing else', () => {
    expect(isLockConflict(deadlock)).toBe(true);
    expect(isLockConflict({ errno: 1213, message: 'WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction' })).toBe(true);
    expect(isLockConflict({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })).toBe(true);
    expect(isLockConflict(notSynced)).toBe(true);
    expect(isLockConflict({ code: 'ER_UNKNOWN_COM_ERROR', errno: 1047, message: 'Unknown command' })).toBe(false);
    expect(isLockConflict({ code: 'ER_DUP_ENTRY', errno: 1062 })).toBe(false);
    // A lost connection leaves the commit's outcome unknown: not run again.
    expect(isLockConflict({ code: 'PROTOCOL_CONNECTION_LOST' })).toBe(false);
    expect(isLockConflict(null)).toBe(false);
  });

  it('runs a transaction rolled back by a conflict again, and gives up after the last attempt', async () => {
    let calls = 0;
    const failing = (times: number) => ({
      transaction: async (work: (tx: unknown) => Promise<unknown>) => {
        calls += 1;
        if (calls <= times) throw deadlock;
        return work({});
      },
    }) as unknown as DataSource;
    await expect(new Transactions(failing(2)).run(async () => 'done')).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(new Transactions(failing(99)).run(async () => 'done')).rejects.toBe(deadlock);
    expect(calls).toBe(LOCK_CONFLICT_ATTEMPTS);
    calls = 0;
    const other = { transaction: async () => { calls += 1; throw new Error('syntax'); } } as unknown as DataSource;
    await expect(new Transactions(other).run(async () => 'done')).rejects.toThrow('syntax');
    expect(calls).toBe(1);
  });
});
