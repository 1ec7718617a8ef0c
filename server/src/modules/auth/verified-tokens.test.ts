import { VerifiedTokens } from './verified-tokens.js';

describe('VerifiedTokens', () => {
  it('answers a verified token until the moment it expires, then forgets it', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'officer1', 10_000);
    expect(tokens.get('a.b.c', 9_999)).toBe('officer1');
    expect(tokens.get('a.b.c', 10_000)).toBeUndefined();
    expect(tokens.get('a.b.c', 5_000)).toBeUndefined();
  });

  it('knows only the exact token string', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'officer1', 10_000);
    expect(tokens.get('a.b.d', 0)).toBeUndefined();
  });

  it('does not keep a token without an expiry', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'officer1', undefined);
    expect(tokens.get('a.b.c', 0)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const tokens = new VerifiedTokens<number>(2);
    tokens.set('t1', 1, 10_000);
    tokens.set('t2', 2, 10_000);
    tokens.set('t3', 3, 10_000);
    expect([tokens.get('t1', 0), tokens.get('t2', 0), tokens.get('t3', 0)]).toEqual([undefined, 2, 3]);
  });
});
