import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import type { CheckIn } from '../check-in/check-in.js';
import { alreadyRecorded } from '../client-key.js';
import type { OfflineActionDto } from '../dto/onsite.dto.js';
import type { RecordFinding } from '../findings/record-finding.js';
import type { FinishInspection } from '../finish/finish-inspection.js';
import { OfflineSync } from './offline-sync.js';

const USER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const SHOP = '92410202MA0004016A';
const NOW = new Date('2026-11-21T04:00:00Z');
const action = (type: OfflineActionDto['type'], clientKey: string, body: Record<string, unknown>, planId?: string) => ({ type, clientKey, body, planId }) as OfflineActionDto;

/** The use cases as fakes that answer per client key: nothing (applied) or the error given; `calls` lists what reached them. */
function setUp(errors: Record<string, Error> = {}) {
  const calls: string[] = [];
  const answer = (what: string) => async (_user: SessionUser, ...args: unknown[]) => {
    const input = args.find((a) => typeof a === 'object' && a !== null && 'clientKey' in a) as { clientKey: string };
    calls.push(`${what} ${input.clientKey}`);
    if (errors[input.clientKey]) throw errors[input.clientKey];
  };
  const sync = new OfflineSync(
    { checkIn: answer('check-in') } as unknown as CheckIn,
    { record: answer('finding') } as unknown as RecordFinding,
    { finish: answer('finish') } as unknown as FinishInspection,
  );
  return { sync, calls };
}

describe('replaying a phone\'s offline queue', () => {
  it('reports each action applied, duplicate or refused, in order, the later ones still applied', async () => {
    const { sync, calls } = setUp({
      'finding-00000001': alreadyRecorded('检查结果'),
      'finish-000000001': new DomainError(ErrorCode.RuleRefused, '不能结束检查：还有1项检查事项没有记录结果'),
    });
    const outcomes = await sync.sync(USER, [
      action('check-in', 'checkin-0000001', { creditCode: SHOP }),
      action('finding', 'finding-00000001', { itemId: 'I1', outcome: 'pass' }, 'P1'),
      action('finish', 'finish-000000001', {}, 'P1'),
      action('finding', 'finding-00000002', { itemId: 'I2', outcome: 'pass' }, 'P1'),
    ], NOW);
    expect(outcomes).toEqual([
      { clientKey: 'checkin-0000001', status: 'applied' },
      { clientKey: 'finding-00000001', status: 'duplicate', error: { code: ErrorCode.AlreadyRecorded, message: expect.any(String) } },
      { clientKey: 'finish-000000001', status: 'refused', error: { code: ErrorCode.RuleRefused, message: '不能结束检查：还有1项检查事项没有记录结果' } },
      { clientKey: 'finding-00000002', status: 'applied' },
    ]);
    expect(calls).toEqual(['check-in checkin-0000001', 'finding finding-00000001', 'finish finish-000000001', 'finding finding-00000002']);
  });

  it('refuses an action without its inspection, or with a body the endpoint would refuse, before it reaches the use case', async () => {
    const { sync, calls } = setUp();
    const outcomes = await sync.sync(USER, [
      action('finding', 'finding-00000001', { itemId: 'I1', outcome: 'pass' }),
      action('finding', 'finding-00000002', { itemId: 'I1', outcome: 'maybe' }, 'P1'),
      action('check-in', 'checkin-0000001', { creditCode: SHOP, extra: 1 }),
    ], NOW);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([
      ['refused', ErrorCode.ValidationFailed],
      ['refused', ErrorCode.ValidationFailed],
      ['refused', ErrorCode.ValidationFailed],
    ]);
    expect(calls).toEqual([]);
  });

  it('stops at an error that is not a refusal', async () => {
    const { sync } = setUp({ 'checkin-0000001': new Error('database away') });
    await expect(sync.sync(USER, [action('check-in', 'checkin-0000001', { creditCode: SHOP })], NOW)).rejects.toThrow('database away');
  });
});
