import { retryInSeconds, waitAfterFailures } from './relay-pacing.js';

describe('the relay\'s pace', () => {
  it('waits longer after each failed round while Redis or the database is away, up to 15 s', () => {
    expect([1, 2, 3, 4, 5, 6, 30].map(waitAfterFailures)).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('brings a job Bull refused back later each time it is refused, up to 10 minutes', () => {
    expect([1, 2, 3, 9, 10, 50].map(retryInSeconds)).toEqual([2, 4, 8, 512, 600, 600]);
  });
});
