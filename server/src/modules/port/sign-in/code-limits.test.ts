import { CODE_SEND_LIMITS, sendDecision, sendRefusalMessage } from './code-limits.js';

const none = () => CODE_SEND_LIMITS.map(() => ({ count: 0, msLeft: 0 }));
const withCount = (i: number, count: number, msLeft: number) => none().map((c, k) => (k === i ? { count, msLeft } : c));

describe('how often SMS codes may be asked for', () => {
  it('lets the first code through, and another once the minute has passed', () => {
    expect(sendDecision(none())).toEqual({ ok: true });
    expect(sendDecision(withCount(0, 1, 0))).toEqual({ ok: true });
  });

  it('makes a phone wait out the minute after a code, and says so plainly', () => {
    const decision = sendDecision(withCount(0, 1, 42_000));
    expect(decision).toMatchObject({ ok: false, limit: { subject: 'phone', window: 'minute' }, msLeft: 42_000 });
    expect(sendRefusalMessage(decision as Extract<typeof decision, { ok: false }>)).toBe('验证码已发送，请42秒后再重新获取。');
  });

  it('answers with the limit that keeps it waiting longest', () => {
    const counts = none();
    counts[0] = { count: 1, msLeft: 30_000 };
    counts[1] = { count: 5, msLeft: 1_200_000 };
    const decision = sendDecision(counts);
    expect(decision).toMatchObject({ ok: false, limit: { window: 'hour', subject: 'phone' }, msLeft: 1_200_000 });
    expect(sendRefusalMessage(decision as Extract<typeof decision, { ok: false }>)).toBe('该手机号获取验证码次数过多，请20分钟后再试。');
  });

  it('stops an address that asks for codes for many phones', () => {
    const decision = sendDecision(withCount(3, 20, 3_000_000));
    expect(decision).toMatchObject({ ok: false, limit: { subject: 'address' } });
    expect(sendRefusalMessage(decision as Extract<typeof decision, { ok: false }>)).toBe('本网络获取验证码过于频繁，请50分钟后再试。');
    expect(sendDecision(withCount(3, 19, 3_000_000))).toEqual({ ok: true });
  });
});
