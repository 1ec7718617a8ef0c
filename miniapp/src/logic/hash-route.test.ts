import { parseHashRoute } from './hash-route';

describe('parseHashRoute', () => {
  it('reads the page and its parameters from the hash', () => {
    expect(parseHashRoute('#/enterprise/pages/rate/index?t=Cs9pQ2mN0pQrStUvWxYz56')).toEqual({
      path: 'enterprise/pages/rate/index',
      params: { t: 'Cs9pQ2mN0pQrStUvWxYz56' },
    });
    expect(parseHashRoute('#/enterprise/pages/rate/index')).toEqual({ path: 'enterprise/pages/rate/index', params: {} });
  });

  it('leaves values encoded, for the pages to decode once', () => {
    expect(parseHashRoute('#/enterprise/pages/verify/index?c=a%2Fb&q=x%3Dy&flag').params).toEqual({ c: 'a%2Fb', q: 'x%3Dy', flag: '' });
  });

  it('keeps the first of repeated names and skips empty pairs', () => {
    expect(parseHashRoute('#/p/index?c=one&&c=two').params).toEqual({ c: 'one' });
  });

  it('answers an empty path for no hash', () => {
    expect(parseHashRoute('')).toEqual({ path: '', params: {} });
    expect(parseHashRoute('#/')).toEqual({ path: '', params: {} });
  });
});
