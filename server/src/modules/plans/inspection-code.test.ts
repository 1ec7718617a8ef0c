import { codeSigningKey, isAuthenticToken, newCodeToken } from './inspection-code.js';

describe('inspection code tokens', () => {
  const key = codeSigningKey('server-secret-server-secret-server-secret');

  it('are short, URL-safe and unique', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newCodeToken(key)));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it('verify only with the key that issued them', () => {
    const token = newCodeToken(key);
    expect(isAuthenticToken(key, token)).toBe(true);
    expect(isAuthenticToken(codeSigningKey('another-secret-another-secret-another'), token)).toBe(false);
  });

  it('refuse any changed character, wrong length or foreign alphabet', () => {
    const token = newCodeToken(key);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(isAuthenticToken(key, changed)).toBe(false);
    }
    expect(isAuthenticToken(key, token.slice(1))).toBe(false);
    expect(isAuthenticToken(key, `${token}A`)).toBe(false);
    expect(isAuthenticToken(key, `${token.slice(0, 19)}=`)).toBe(false);
  });
});
