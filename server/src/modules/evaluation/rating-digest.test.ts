import type { RatingRecord } from '@mashang/shared';
import { canonicalRating, newDigestSalt, ratingDigest } from './rating-digest.js';

const rating: RatingRecord = {
  inspectionId: 'P2', agencyId: 'A2', language: 2, procedure: 3, manner: 3, fairness: 3, verdict: 'approve', flags: ['other', 'repeated'], comment: '一个月来了两次', ratedAt: new Date('2026-05-10T02:00:00.123Z'),
};

describe('the digest of a rating on its trail entry', () => {
  it('is recomputed from the rating and its salt alone, whatever order the problems were ticked in', () => {
    const salt = newDigestSalt();
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(ratingDigest(rating, salt)).toMatch(/^[0-9a-f]{64}$/);
    expect(ratingDigest({ ...rating, flags: ['repeated', 'other'] }, salt)).toBe(ratingDigest(rating, salt));
    expect(canonicalRating(rating)).toBe(
      '{"inspectionId":"P2","agencyId":"A2","language":2,"procedure":3,"manner":3,"fairness":3,"verdict":"approve","flags":["repeated","other"],"comment":"一个月来了两次","ratedAt":"2026-05-10T02:00:00.123Z"}',
    );
  });

  it('changes with any part of the rating', () => {
    const salt = newDigestSalt();
    const digest = ratingDigest(rating, salt);
    for (const changed of [{ language: 3 }, { verdict: 'disapprove' as const }, { flags: [] }, { comment: null }, { agencyId: 'A1' }, { ratedAt: new Date('2026-05-10T02:00:00.124Z') }]) {
      expect(ratingDigest({ ...rating, ...changed }, salt)).not.toBe(digest);
    }
  });

  it('cannot be found by trying every rating without the salt', () => {
    // What the rated agency could do with a plain hash: try each of the small space of ratings.
    const salt = newDigestSalt();
    const digest = ratingDigest({ ...rating, comment: null }, salt);
    const guesses: string[] = [];
    for (const language of [1, 2, 3, 4, 5]) for (const procedure of [1, 2, 3, 4, 5]) {
      guesses.push(ratingDigest({ ...rating, language, procedure, flags: ['repeated', 'other'], comment: null }, ''));
    }
    expect(guesses).not.toContain(digest);
    expect(newDigestSalt()).not.toBe(salt);
  });
});
