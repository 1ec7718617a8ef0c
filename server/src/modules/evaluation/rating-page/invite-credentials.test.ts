import { ErrorCode } from '@mashang/shared';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TryLaterError, type DomainError } from '../../../infra/errors/domain-error.js';
import type { OpenedInvite, RatingInviteRepository } from '../rating-invite.repository.js';
import { credentialHash } from '../rating-token.js';
import { InviteCredentials } from './invite-credentials.js';

const NOW = new Date('2026-05-10T02:00:00Z');
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const CODE = 'ABCD2345';
const INVITE: OpenedInvite = { id: 'inv-1', creditCode: '92410202MA0000011X', inspectionDate: '2026-05-09', expiresAt: new Date('2026-05-17T00:00:00+08:00') };

/** Invites known by their hashes, and a Redis that counts wrong codes per key (address, code halves). */
function setUp(known: Record<string, OpenedInvite>, status = 'ready') {
  const looked: { by: string; hash: string }[] = [];
  const failures = new Map<string, number>();
  const redis = {
    status,
    mget: async (keys: string[]) => keys.map((key) => (failures.has(key) ? String(failures.get(key)) : null)),
    ttl: async () => 600,
    multi: () => {
      const keys: string[] = [];
      const chain = {
        incr: (key: string) => (keys.push(key), chain),
        expire: () => chain,
        exec: async () => keys.flatMap((key) => {
          failures.set(key, (failures.get(key) ?? 0) + 1);
          return [[null, failures.get(key)], [null, 1]];
        }),
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

  it('counts a wrong code against the address and each half of the code, but not an unknown link', async () => {
    const { credentials, failures } = setUp({});
    const wrongCode = await refusal(credentials.open(CODE, '10.0.0.1', NOW));
    expect(wrongCode.code).toBe(ErrorCode.CodeInvalid);
    expect(wrongCode.message).toContain('还可以再试9次');
    expect((await refusal(credentials.open(TOKEN, '10.0.0.1', NOW))).code).toBe(ErrorCode.CodeInvalid);
    expect(Object.fromEntries(failures)).toEqual({
      'rating-code-failures:10.0.0.1': 1,
      'rating-code-failures:first-half:ABCD': 1,
      'rating-code-failures:second-half:2345': 1,
    });
  });

  it('counts IPv6 clients by their /64: a fresh address of the same network does not start afresh', async () => {
    const { credentials, failures } = setUp({});
    failures.set('rating-code-failures:2001:db8:1:2::/64', 10);
    expect((await refusal(credentials.open(CODE, '2001:db8:1:2::99', NOW))).code).toBe(ErrorCode.RateLimited);
  });

  it('refuses an address out of tries before looking the code up', async () => {
    const { credentials, looked, failures } = setUp({});
    failures.set('rating-code-failures:10.0.0.1', 10);
    expect((await refusal(credentials.open(CODE, '10.0.0.1', NOW))).code).toBe(ErrorCode.RateLimited);
    expect(looked).toEqual([]);
  });

  it('refuses a code with a half many addresses got wrong, from a fresh address too, for a short while', async () => {
    const { credentials, looked, failures } = setUp({ [credentialHash({ kind: 'code', code: CODE })]: INVITE });
    failures.set('rating-code-failures:second-half:2345', 20);
    const locked = (await refusal(credentials.open(CODE, '10.0.0.9', NOW))) as TryLaterError;
    expect(locked).toBeInstanceOf(TryLaterError);
    expect(locked.code).toBe(ErrorCode.RateLimited);
    expect(locked.message).toContain('这个评价码近期被多次输错');
    expect(locked.message).toContain('10分钟后再试');
    expect(locked.retryAfterSeconds).toBe(600);
    expect(looked).toEqual([]);
    // A code sharing only the other half, still under its limit, is looked up as usual.
    failures.set('rating-code-failures:first-half:ABCD', 19);
    expect((await refusal(credentials.open('ABCD3456', '10.0.0.9', NOW))).code).toBe(ErrorCode.CodeInvalid);
    expect(looked).toHaveLength(1);
  });

  it('refuses text that is neither, and an expired invite with its last valid day', async () => {
    const { credentials } = setUp({ [credentialHash({ kind: 'link', token: TOKEN })]: { ...INVITE, expiresAt: NOW } });
    expect((await refusal(credentials.open('not a code', '10.0.0.1', NOW))).code).toBe(ErrorCode.CodeInvalid);
    const expired = await refusal(credentials.open(TOKEN, '10.0.0.1', NOW));
    expect(expired.code).toBe(ErrorCode.CodeExpired);
    expect(expired.message).toContain('有效期到5月10日');
  });

  it('while Redis is out of reach, counts wrong codes in this process with the same limits', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { credentials, failures } = setUp({}, 'reconnecting');
    const answers: string[] = [];
    for (const last of 'ABCDEFGHJKM') answers.push((await refusal(credentials.open(`ABCD234${last}`, '10.0.0.7', NOW))).code);
    expect(answers).toEqual([...Array(10).fill(ErrorCode.CodeInvalid), ErrorCode.RateLimited]);
    // Nothing reached the Redis stand-in of this test.
    expect(failures.size).toBe(0);
    jest.restoreAllMocks();
  });
});
