import { normaliseRatingCode, RATING_TOKEN_PATTERN } from '@mashang/shared';
import { credentialHash, linkToken, parseCredential, ratingCode, ratingKey } from './rating-token.js';

const key = ratingKey('test-secret-test-secret-test-secret-000');

describe('rating link tokens and codes', () => {
  it('derives a 22-character URL-safe token per invite, stable for the same id and key', () => {
    const token = linkToken(key, 'invite-1');
    expect(token).toMatch(RATING_TOKEN_PATTERN);
    expect(linkToken(key, 'invite-1')).toBe(token);
    expect(linkToken(key, 'invite-2')).not.toBe(token);
    expect(linkToken(ratingKey('another-secret-another-secret-another'), 'invite-1')).not.toBe(token);
  });

  it('derives codes that read back through the code normaliser, another one per seq', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = ratingCode(key, `invite-${i}`, 0);
      expect(normaliseRatingCode(code)).toBe(code);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    expect(ratingCode(key, 'invite-1', 1)).not.toBe(ratingCode(key, 'invite-1', 0));
  });

  it('tells a link token from a typed code, and refuses anything else', () => {
    const token = linkToken(key, 'invite-1');
    expect(parseCredential(token)).toEqual({ kind: 'link', token });
    expect(parseCredential('abcd-2345')).toEqual({ kind: 'code', code: 'ABCD2345' });
    expect(parseCredential('not a code')).toBeNull();
    expect(parseCredential(`${token}x`)).toBeNull();
  });

  it('hashes links and codes apart, so a code can never match a link hash', () => {
    expect(credentialHash({ kind: 'code', code: 'ABCD2345' })).toMatch(/^[0-9a-f]{64}$/);
    expect(credentialHash({ kind: 'code', code: 'ABCD2345' })).not.toBe(credentialHash({ kind: 'link', token: 'ABCD2345' }));
  });
});
