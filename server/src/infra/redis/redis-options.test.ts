import { reconnectDelay, reconnectOnReadOnly, redisOptions } from './redis-options.js';

describe('Redis connection options', () => {
  it('reads one server from its URL: host, port, credentials, database, TLS', () => {
    expect(redisOptions({ url: 'redis://127.0.0.1:6479/12', sentinels: null, sentinelName: null })).toEqual({ host: '127.0.0.1', port: 6479, db: 12, retryStrategy: reconnectDelay });
    expect(redisOptions({ url: 'rediss://user:p%40ss@cache.internal', sentinels: null, sentinelName: null })).toEqual({
      host: 'cache.internal', username: 'user', password: 'p@ss', tls: {}, retryStrategy: reconnectDelay,
    });
  });

  it('asks the Sentinels for the master, with only credentials and database from REDIS_URL', () => {
    const options = redisOptions({ url: 'redis://:secret@mashang/3', sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: '10.0.0.2', port: 26379 }], sentinelName: 'mashang' });
    expect(options).toEqual({
      password: 'secret', db: 3, retryStrategy: reconnectDelay,
      sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: '10.0.0.2', port: 26379 }], name: 'mashang',
      failoverDetector: true, reconnectOnError: reconnectOnReadOnly,
    });
    expect(options).not.toHaveProperty('host');
  });

  it('reconnects soon and often, and on READONLY from a demoted master', () => {
    expect([1, 2, 5, 10, 100].map(reconnectDelay)).toEqual([200, 400, 1000, 2000, 2000]);
    expect(reconnectOnReadOnly(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(reconnectOnReadOnly(new Error('ERR wrong number of arguments'))).toBe(false);
  });
});
