import { closedReason, fileKindAccepts, unansweredAsks } from './evidence-rules.js';
import { offsiteToken, offsiteTokenHash, offsiteTokenKey, OFFSITE_TOKEN_PATTERN } from './offsite-token.js';

describe('off-site evidence rules', () => {
  it('takes images as photos, PDFs and images as documents, and no file as a reading', () => {
    expect(fileKindAccepts('photo', 'image/jpeg')).toBe(true);
    expect(fileKindAccepts('photo', 'application/pdf')).toBe(false);
    expect(fileKindAccepts('document', 'application/pdf')).toBe(true);
    expect(fileKindAccepts('reading', 'image/png')).toBe(false);
  });

  it('counts only what was sent in the current round', () => {
    expect(unansweredAsks([0, 1, 2], [{ position: 0, round: 1 }, { position: 1, round: 2 }], 2)).toEqual([0, 2]);
    expect(unansweredAsks([0], [{ position: 0, round: 1 }], 1)).toEqual([]);
  });

  it('closes the request once decided', () => {
    expect(closedReason('asked')).toBeNull();
    expect(closedReason('answered')).toBeNull();
    expect(closedReason('accepted')).toMatch('审核通过');
    expect(closedReason('converted')).toMatch('现场检查');
  });

  it('derives a different, URL-safe token per request and per secret', () => {
    const key = offsiteTokenKey('secret-one');
    const token = offsiteToken(key, 'r1');
    expect(token).toMatch(OFFSITE_TOKEN_PATTERN);
    expect(offsiteToken(key, 'r2')).not.toBe(token);
    expect(offsiteToken(offsiteTokenKey('secret-two'), 'r1')).not.toBe(token);
    expect(offsiteTokenHash(token)).toHaveLength(64);
  });
});
