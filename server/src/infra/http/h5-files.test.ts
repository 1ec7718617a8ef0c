import { cacheControlFor, IMMUTABLE, REVALIDATE } from './h5-files.js';

describe('cacheControlFor', () => {
  it('keeps files named by their content for a year, compressed copies included', () => {
    for (const path of ['/srv/h5/js/app.5748d4d1.js', '/srv/h5/js/4608.eacddd9f.js.br', '/srv/h5/css/enterprise.232b078e.css.gz', '/srv/h5/static/images/logo.0a1b2c3d.png']) {
      expect(cacheControlFor(path)).toBe(IMMUTABLE);
    }
  });

  it('has pages and unhashed files asked again each time', () => {
    for (const path of ['/srv/h5/index.html', '/srv/h5/enterprise.html.br', '/srv/h5/js/6248.93d6e73a.js.LICENSE.txt', '/srv/h5/js/app.js', '/srv/h5/js/app.5748D4D1.js', '/srv/h5/js/app.5748d4d.js']) {
      expect(cacheControlFor(path)).toBe(REVALIDATE);
    }
  });
});
