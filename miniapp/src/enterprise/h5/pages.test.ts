import { ENTERPRISE_H5_PAGES, FULL_APP_ENTERPRISE_PAGES, isEnterpriseH5Page } from './pages';

interface SubPackage {
  root: string;
  pages: string[];
}

describe('the enterprise H5 entry', () => {
  it('serves every page of the enterprise subpackage opened from a code or an SMS; the signed-in pages stay in the full app', async () => {
    (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
    process.env.TARO_ENV = 'h5';
    const { default: app } = (await import('../../app.config')) as unknown as { default: { subPackages: SubPackage[] } };
    const enterprise = app.subPackages.find((sub) => sub.root === 'enterprise')!;
    expect([...ENTERPRISE_H5_PAGES, ...FULL_APP_ENTERPRISE_PAGES].sort()).toEqual(enterprise.pages.map((page) => `enterprise/${page}`).sort());
    expect(ENTERPRISE_H5_PAGES.filter((page) => (FULL_APP_ENTERPRISE_PAGES as readonly string[]).includes(page))).toEqual([]);
  });

  it('knows its pages from any other route', () => {
    expect(isEnterpriseH5Page('enterprise/pages/rate/index')).toBe(true);
    expect(isEnterpriseH5Page('pages/login/index')).toBe(false);
    expect(isEnterpriseH5Page('enterprise/pages/home/index')).toBe(false);
    expect(isEnterpriseH5Page('')).toBe(false);
  });
});
