import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken, SUPERVISION_CODE_PATTERN } from './supervision-code-token.js';

describe('supervision code token', () => {
  const key = supervisionCodeKey('a server secret of enough length');

  it('is 22 URL-safe characters, the same for a case every time, different per case and per secret', () => {
    const token = supervisionCodeToken(key, 'CASE-1');
    expect(token).toMatch(SUPERVISION_CODE_PATTERN);
    expect(supervisionCodeToken(key, 'CASE-1')).toBe(token);
    expect(supervisionCodeToken(key, 'CASE-2')).not.toBe(token);
    expect(supervisionCodeToken(supervisionCodeKey('another secret of enough length'), 'CASE-1')).not.toBe(token);
  });

  it('is stored only as a hash that does not contain it', () => {
    const token = supervisionCodeToken(key, 'CASE-1');
    expect(supervisionCodeHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(supervisionCodeHash(token)).not.toContain(token);
  });
});
