import { addressKey } from './client-address.js';

describe('the key an address is counted under', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect([addressKey('198.51.100.7'), addressKey('::ffff:198.51.100.7'), addressKey('::FFFF:127.0.0.1')]).toEqual(['198.51.100.7', '198.51.100.7', '127.0.0.1']);
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const one = ['2001:db8:85a3:1:1111:2222:3333:4444', '2001:0db8:85a3:0001::1', '2001:DB8:85A3:1::abcd%eth0'].map(addressKey);
    expect(one).toEqual(['2001:db8:85a3:1::/64', '2001:db8:85a3:1::/64', '2001:db8:85a3:1::/64']);
    expect(addressKey('2001:db8:85a3:2::1')).toBe('2001:db8:85a3:2::/64');
    expect([addressKey('::1'), addressKey('fe80::1'), addressKey('2001:db8::')]).toEqual(['0:0:0:0::/64', 'fe80:0:0:0::/64', '2001:db8:0:0::/64']);
  });

  it('leaves anything else as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
