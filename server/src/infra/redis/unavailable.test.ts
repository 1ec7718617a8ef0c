import { isRedisUnavailable } from './unavailable.js';

describe('Redis out of reach', () => {
  it('is told by ioredis\'s errors for a command refused, given up, cut off or unanswered', () => {
    expect(isRedisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isRedisUnavailable(new Error('Connection is closed.'))).toBe(true);
    expect(isRedisUnavailable(new Error('Command timed out'))).toBe(true);
    expect(isRedisUnavailable(Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
  });

  it('is not a script\'s or a command\'s own error', () => {
    expect(isRedisUnavailable(new Error('ERR Error running script'))).toBe(false);
    expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
    expect(isRedisUnavailable(null)).toBe(false);
  });
});
