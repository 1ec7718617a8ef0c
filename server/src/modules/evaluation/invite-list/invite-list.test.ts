import { Role, type SessionUser } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import { singlePhoneKey } from '../../../infra/crypto/phone-keys.js';
import type { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import type { RatingInviteRepository } from '../rating-invite.repository.js';
import type { SmsMessageRepository } from '../sms-message.repository.js';
import type { SmsOutboxRepository } from '../sms-outbox.repository.js';
import { InviteList } from './invite-list.js';

const user = (role: Role, agencyId: string | null = null): SessionUser => ({ id: 1, username: 'u', role, displayName: 'u', agencyId, officerId: null });
const at = new Date('2026-05-10T02:00:00Z');
const progress = (kind: 'invite' | 'reminder', status: string) => ({ inviteId: 'inv-1', kind, status, attempts: 1, errorCode: null, errorMessage: null, acceptedAt: at, reportedAt: null });

function list() {
  const scopes: (string | null)[] = [];
  const invites = new InviteList(
    { phoneKeys: singlePhoneKey(Buffer.alloc(32, 1)) } as unknown as AppConfig,
    {
      count: async (scope: string | null) => (scopes.push(scope), 1),
      page: async () => [{ id: 'inv-1', groupId: 'P1', creditCode: '92410202MA0000011X', phoneCipher: null, mode: 'link', createdAt: at, expiresAt: at }],
      agencies: async () => [{ inviteId: 'inv-1', inspectionId: 'P1', agencyId: 'A1', rated: true }, { inviteId: 'inv-1', inspectionId: 'P2', agencyId: 'A2', rated: false }],
    } as unknown as RatingInviteRepository,
    // A reminder goes out only while the enterprise has not rated; `skipped`, once it has.
    { progressOf: async () => [progress('invite', 'delivered'), progress('reminder', 'skipped')] } as unknown as SmsMessageRepository,
    {} as SmsOutboxRepository,
    { namesOf: async () => new Map([['A1', '市市场监督管理局'], ['A2', '市消防救援支队']]) } as unknown as AgencyRepository,
    { namesOf: async () => new Map([['92410202MA0000011X', '老王烩面馆']]) } as unknown as EnterpriseRepository,
  );
  return { invites, scopes };
}

describe('the invites as agencies and supervisors see them', () => {
  it('tells supervisors and discipline who rated, and every message', async () => {
    const { invites } = list();
    for (const role of [Role.Supervisor, Role.Discipline]) {
      const [item] = (await invites.list(user(role), 1, 20)).items;
      expect(item.agencies).toEqual([{ agencyId: 'A1', name: '市市场监督管理局', rated: true }, { agencyId: 'A2', name: '市消防救援支队', rated: false }]);
      expect(item.messages.map((m) => [m.kind, m.status])).toEqual([['invite', 'delivered'], ['reminder', 'skipped']]);
    }
  });

  it('tells an agency its invite\'s delivery, not whether the enterprise rated, nor the reminders that would say so', async () => {
    const { invites, scopes } = list();
    const [item] = (await invites.list(user(Role.AgencyAdmin, 'A1'), 1, 20)).items;
    expect(scopes).toEqual(['A1']);
    expect(item.agencies).toEqual([{ agencyId: 'A1', name: '市市场监督管理局' }, { agencyId: 'A2', name: '市消防救援支队' }]);
    expect(item.messages.map((m) => [m.kind, m.status])).toEqual([['invite', 'delivered']]);
    expect(JSON.stringify(item)).not.toContain('rated');
  });
});
