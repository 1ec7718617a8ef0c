import { describe, expect, it } from '@jest/globals';
import { exceedsShare } from './same-case-different-penalty.js';

describe('exceedsShare (|value| > share × base, exactly, as SQL compares with a decimal)', () => {
  it('is strict at the boundary, either sign', () => {
    expect(exceedsShare(100, 0.5, 200)).toBe(false);
    expect(exceedsShare(101, 0.5, 200)).toBe(true);
    expect(exceedsShare(-101, 0.5, 200)).toBe(true);
    expect(exceedsShare(1, 0.5, 0)).toBe(true);
    expect(exceedsShare(0, 0.5, 0)).toBe(false);
  });

  it('reads the share as the decimal it prints as, where binary floating point would round', () => {
    // 0.7 × 90 is 62.99999999999999 in floating point, so 63 would be "over" it; in decimal it is 63, and 63 is not.
    expect(0.7 * 90 < 63).toBe(true);
    expect(exceedsShare(63, 0.7, 90)).toBe(false);
    expect(exceedsShare(64, 0.7, 90)).toBe(true);
    expect(exceedsShare(2, 1e-7, 10_000_000)).toBe(true);
    expect(exceedsShare(1, 1e-7, 10_000_000)).toBe(false);
    expect(exceedsShare(3, 1.5, 2)).toBe(false);
  });
});
