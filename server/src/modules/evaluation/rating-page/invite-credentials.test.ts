import { ErrorCode } from '@mashang/shared';
import type { Redis } from 'ioredis';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { OpenedInvite, RatingInviteRepository } from '../rating-invite.repository.js';
import { credentialHash } from '../rating-token.js';
import { InviteCredentials } from './invite-credentials.js';

const NOW = new Date('2026-05-10T02:00:00Z');
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const CODE = 'ABCD2345';
const INVITE: OpenedInvite = { id: 'inv-1', creditCode: '92410202MA0000011X', inspectionDate: '2026-05-09', expiresAt: new Date('2026-05-17T00:00:00+08:00') };

/** Invites known by their hashes, and a Redis that counts wrong codes per address. */
function setUp(known: Record<string, OpenedInvite>) {
  const looked: { by: string; hash: string }[] = [];
  const failures = new Map<string, number>();
  const redis = {
    get: async (key: string) => String(failures.get(key) ?? 0),
    ttl: async () => 600,
    multi: () => {
      let key = '';
      const chain = {
        incr: (k: string) => ((key = k), chain),
        expire: () => chain,
        exec: async () => {
          failures.set(key, (failures.get(key) ?? 0) + 1);
          return [[null, failures.get(key)]];
        },
      };
      return chain;
    },
  } as unknown as Redis;
  const invites = {
    opened: async (by: 'link' | 'code', hash: string) => {
      looked.push({ by, hash });
      return known[hash] ?? null;
    },
  } as unknown as RatingInviteRepository;
  return { credentials: new InviteCredentials(invites, redis), looked, failures };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('opening an invite by its link or code', () => {
  it('opens an invite by the hash of its link token, or of its typed code however it is spaced', async () => {
    const { credentials, looked } = setUp({ [credentialHash({ kind: 'link', token: TOKEN })]: INVITE, [credentialHash({ kind: 'code', code: CODE })]: INVITE });
    expect(await credentials.open(` ${TOKEN} `, '10.0.0.1', NOW)).toBe(INVITE);
    expect(await credentials.open('abcd-2345', '10.0.0.1', NOW)).toBe(INVITE);
    expect(looked.map((l) => l.by)).toEqual(['link', 'code']);
  });

  it('counts a wrong code against the address, but not an unknown link', async () => {
    const { credentials, failures } = setUp({});
    const wrongCode = await refusal(credentials.open(CODE, '10.0.0.1', NOW));
    expect(wrongCode.code).toBe(ErrorCode.CodeInvalid);
    expect(wrongCode.message).toContain('还可以再试9次');
    expect((await refusal(credentials.open(TOKEN, '10.0.0.1', NOW))).code).toBe(ErrorCode.CodeInvalid);
    expect([...failures.values()]).toEqual([1]);
  });

  it('refuses an address out of tries before looking the code up', async () => {
    const { credentials, looked, failures } = setUp({});
    failures.set('rating-code-failures:10.0.0.1', 10);
    expect((await refusal(credentials.open(CODE, '10.0.0.1', NOW))).code).toBe(ErrorCode.RateLimited);
    expect(looked).toEqual([]);
  });

  it('refuses text that is neither, and an expired invite with its last valid day', async () => {
    const { credentials } = setUp({ [credentialHash({ kind: 'link', token: TOKEN })]: { ...INVITE, expiresAt: NOW } });
    expect((await refusal(credentials.open('not a code', '10.0.0.1', NOW))).code).toBe(ErrorCode.CodeInvalid);
    const expired = await refusal(credentials.open(TOKEN, '10.0.0.1', NOW));
    expect(expired.code).toBe(ErrorCode.CodeExpired);
    expect(expired.message).toContain('有效期到5月10日');
  });
});
