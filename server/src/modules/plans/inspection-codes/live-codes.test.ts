import { ErrorCode } from '@mashang/shared';
import type { AppConfig } from '../../../infra/config/config.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { InspectionCodeRepository } from '../inspection-code.repository.js';
import { codeSigningKey, newCodeToken } from '../inspection-code.js';
import { LiveCodes } from './live-codes.js';

const SECRET = 'server-secret-server-secret-server-secret';
const NOW = new Date('2026-05-10T02:00:00Z');
const token = newCodeToken(codeSigningKey(SECRET));

function codesWith(stored: { leadPlanId: string; expiresAt: Date; revokedAt: Date | null } | null) {
  const asked: string[] = [];
  const repository = { byToken: async (t: string) => (asked.push(t), stored) } as unknown as InspectionCodeRepository;
  return { codes: new LiveCodes(repository, { jwtSecret: SECRET } as AppConfig), asked };
}
const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('inspection codes in force', () => {
  it('opens a code until it expires', async () => {
    const expiresAt = new Date('2026-05-11T16:00:00Z');
    const { codes } = codesWith({ leadPlanId: 'P1', expiresAt, revokedAt: null });
    expect(await codes.open(token, NOW)).toEqual({ leadPlanId: 'P1', expiresAt });
    expect((await refusal(codes.open(token, expiresAt))).code).toBe(ErrorCode.CodeExpired);
  });

  it('refuses a revoked code, and names the day an expired one ran out', async () => {
    const revoked = codesWith({ leadPlanId: 'P1', expiresAt: new Date('2026-05-11T16:00:00Z'), revokedAt: NOW });
    expect((await refusal(revoked.codes.open(token, NOW))).code).toBe(ErrorCode.CodeCancelled);
    const expired = codesWith({ leadPlanId: 'P1', expiresAt: new Date('2026-05-09T16:00:00Z'), revokedAt: null });
    expect((await refusal(expired.codes.open(token, NOW))).message).toContain('有效期至 2026-05-09');
  });

  it('refuses a forged token without looking it up, and an unknown one', async () => {
    const { codes, asked } = codesWith(null);
    expect((await refusal(codes.open('A'.repeat(20), NOW))).code).toBe(ErrorCode.CodeInvalid);
    expect(asked).toEqual([]);
    expect((await refusal(codes.open(token, NOW))).code).toBe(ErrorCode.CodeInvalid);
    expect(asked).toEqual([token]);
  });
});
