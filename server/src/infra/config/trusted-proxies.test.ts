import { parseTrustedProxies } from './trusted-proxies.js';

describe('TRUSTED_PROXIES', () => {
  it('trusts nobody when unset or empty', () => {
    expect(parseTrustedProxies(undefined)).toEqual({ proxies: [], invalid: [] });
    expect(parseTrustedProxies(' , ')).toEqual({ proxies: [], invalid: [] });
  });

  it('takes addresses, CIDR ranges and the named ranges, trimmed', () => {
    expect(parseTrustedProxies(' 10.0.0.5, 172.16.0.0/12 ,::1, fd00::/8,loopback')).toEqual({
      proxies: ['10.0.0.5', '172.16.0.0/12', '::1', 'fd00::/8', 'loopback'],
      invalid: [],
    });
  });

  it('names every entry it cannot read', () => {
    expect(parseTrustedProxies('10.0.0.300, nginx, 10.0.0.0/33, ::1/129, 10.0.0.0/8/1, 10.0.0.0/, *').invalid).toEqual([
      '10.0.0.300', 'nginx', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '10.0.0.0/', '*',
    ]);
  });
});
