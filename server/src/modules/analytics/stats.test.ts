import { describe, expect, it } from '@jest/globals';
import { median, quantile } from './stats.js';

describe('quantile (linear interpolation, numpy default)', () => {
  it('matches numpy.quantile at fractional positions', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 16];
    // numpy.quantile(v, [0.25, 0.5, 0.75]) → [2.75, 4.5, 6.25]
    expect(quantile(v, 0.25)).toBe(2.75);
    expect(quantile(v, 0.5)).toBe(4.5);
    expect(quantile(v, 0.75)).toBe(6.25);
    // numpy.quantile([0, 10, 20, 40, 100], [0.25, 0.75]) → [10, 40]
    expect(quantile([0, 10, 20, 40, 100], 0.25)).toBe(10);
    expect(quantile([0, 10, 20, 40, 100], 0.75)).toBe(40);
    // numpy.quantile([3, 8, 9], 0.25) → 5.5 (not a nearest rank)
    expect(quantile([3, 8, 9], 0.25)).toBe(5.5);
  });

  it('handles the ends and a single value', () => {
    expect(quantile([4], 0.75)).toBe(4);
    expect(quantile([1, 9], 0)).toBe(1);
    expect(quantile([1, 9], 1)).toBe(9);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
    expect(median([1, 5, 100])).toBe(5);
    expect(median([100, 100, 101, 300, 300, 300])).toBe(200.5);
    expect(median([2, 4])).toBe(3);
    expect(() => median([])).toThrow(RangeError);
  });
});
