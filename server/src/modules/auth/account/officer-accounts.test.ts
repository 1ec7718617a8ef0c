import type { Tx } from '../../../infra/database/tx.js';
import type { Sessions } from '../sessions/sessions.js';
import type { UserRepository } from '../user.repository.js';
import { OfficerAccounts } from './officer-accounts.js';

const TX = {} as Tx;

function setUp(accounts: Record<string, { id: number; active: boolean }[]>) {
  const events: string[] = [];
  const users = {
    idsOfOfficer: async (officerId: string, active: boolean, tx: Tx) => {
      events.push(`find accounts of ${officerId}${tx === TX ? ' in tx' : ''}`);
      return (accounts[officerId] ?? []).filter((a) => a.active === active).map((a) => a.id);
    },
    setActive: async (ids: number[], active: boolean) => void events.push(`set ${ids.join(',')} active=${active}`),
  } as unknown as UserRepository;
  const sessions = {
    endAllOf: async (id: number, reason: string, _options: unknown, tx?: Tx) => void events.push(`end sessions of ${id} (${reason})${tx === TX ? ' in tx' : ''}`),
    changed: async (id: number) => void events.push(`changed ${id}`),
  } as unknown as Sessions;
  return { accounts: new OfficerAccounts(users, sessions), events };
}

describe("an officer's accounts follow the register", () => {
  it('taking the officer off duty deactivates their active accounts and ends their sessions in the same transaction', async () => {
    const { accounts, events } = setUp({ O1: [{ id: 5, active: true }, { id: 6, active: true }, { id: 7, active: false }] });
    const changed = await accounts.setActive('O1', false, TX);
    expect(changed).toEqual([5, 6]);
    await accounts.committed(changed);
    expect(events).toEqual(['find accounts of O1 in tx', 'set 5,6 active=false', 'end sessions of 5 (deactivated) in tx', 'end sessions of 6 (deactivated) in tx', 'changed 5', 'changed 6']);
  });

  it('putting the officer back reactivates the inactive accounts without touching sessions; an officer without accounts changes nothing', async () => {
    const back = setUp({ O1: [{ id: 5, active: false }] });
    expect(await back.accounts.setActive('O1', true, TX)).toEqual([5]);
    expect(back.events).toEqual(['find accounts of O1 in tx', 'set 5 active=true']);
    const none = setUp({});
    expect(await none.accounts.setActive('O9', false, TX)).toEqual([]);
    expect(none.events).toEqual(['find accounts of O9 in tx']);
  });
});
