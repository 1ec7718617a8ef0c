import { redisTargetConfig } from './redis-target.js';

const read = (env: Record<string, string>) => {
  const problems: string[] = [];
  return { target: redisTargetConfig(env, problems), problems };
};

describe('REDIS_URL / REDIS_SENTINELS', () => {
  it('takes one Redis server by its URL', () => {
    expect(read({ REDIS_URL: 'redis://127.0.0.1:6379/2' })).toEqual({ target: { url: 'redis://127.0.0.1:6379/2', sentinels: null, sentinelName: null }, problems: [] });
  });

  it('takes the Sentinels and the master name, with REDIS_URL optional', () => {
    expect(read({ REDIS_SENTINELS: ' 10.0.0.1:26379, sentinel-2.internal:26379,[fd00::3]:26380 ', REDIS_SENTINEL_NAME: 'mashang' })).toEqual({
      target: { url: null, sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: 'sentinel-2.internal', port: 26379 }, { host: 'fd00::3', port: 26380 }], sentinelName: 'mashang' },
      problems: [],
    });
    expect(read({ REDIS_SENTINELS: '10.0.0.1:26379', REDIS_SENTINEL_NAME: 'm', REDIS_URL: 'redis://:secret@m/3' }).target.url).toBe('redis://:secret@m/3');
  });

  it('names every problem', () => {
    expect(read({}).problems).toEqual([expect.stringMatching(/^REDIS_URL: required/)]);
    expect(read({ REDIS_URL: 'http://x' }).problems).toEqual([expect.stringMatching(/^REDIS_URL: must look like/)]);
    expect(read({ REDIS_URL: 'redis://x:6379', REDIS_SENTINEL_NAME: 'm' }).problems).toEqual([expect.stringMatching(/^REDIS_SENTINEL_NAME: only with REDIS_SENTINELS/)]);
    expect(read({ REDIS_SENTINELS: '10.0.0.1, 10.0.0.2:0, 10.0.0.3:26379' }).problems).toEqual([
      'REDIS_SENTINELS: not host:port: 10.0.0.1, 10.0.0.2:0',
      expect.stringMatching(/^REDIS_SENTINEL_NAME: required with REDIS_SENTINELS/),
    ]);
    expect(read({ REDIS_SENTINELS: '10.0.0.3:26379', REDIS_SENTINEL_NAME: 'my master' }).problems).toEqual([expect.stringMatching(/^REDIS_SENTINEL_NAME: letters/)]);
  });
});
