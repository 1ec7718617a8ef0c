import { ServiceUnavailableError, unavailableDependency, within } from './unavailable.js';

describe('an outage as the error filter sees it', () => {
  it('names the dependency out of reach, and nothing for other errors', () => {
    expect(unavailableDependency(new ServiceUnavailableError('redis'))).toBe('redis');
    expect(unavailableDependency(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', fatal: true }))).toBe('database');
    expect(unavailableDependency(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
    expect(unavailableDependency(new Error('boom'))).toBeNull();
  });

  it('gives up waiting after the time allowed, with the error asked for', async () => {
    await expect(within(new Promise(() => undefined), 10, () => new ServiceUnavailableError('redis'))).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(await within(Promise.resolve(7), 1000, () => new Error('late'))).toBe(7);
  });
});
