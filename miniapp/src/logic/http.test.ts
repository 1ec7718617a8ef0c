import { buildUrl } from './http';

describe('buildUrl', () => {
  it('keeps a same-origin path as it is (H5)', () => {
    expect(buildUrl('', '/api/auth/me')).toBe('/api/auth/me');
  });

  it('joins an absolute origin without doubling the slash (mini-program)', () => {
    expect(buildUrl('http://127.0.0.1:3000/', '/api/auth/login')).toBe(
      'http://127.0.0.1:3000/api/auth/login',
    );
  });

  it('encodes query values, keeps empty strings and leaves out null and undefined', () => {
    expect(
      buildUrl('', '/api/registry/enterprises', {
        q: '开封 食品&餐饮',
        page: 1,
        pageSize: 20,
        region: undefined,
        grade: null,
      }),
    ).toBe('/api/registry/enterprises?q=%E5%BC%80%E5%B0%81%20%E9%A3%9F%E5%93%81%26%E9%A4%90%E9%A5%AE&page=1&pageSize=20');
    expect(buildUrl('', '/api/registry/enterprises', { q: '' })).toBe(
      '/api/registry/enterprises?q=',
    );
  });
});
