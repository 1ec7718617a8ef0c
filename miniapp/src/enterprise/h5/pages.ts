/**
 * The pages the enterprise H5 entry (`enterprise.html`) serves: every page of the `enterprise`
 * subpackage in app.config.ts (pages.test.ts holds them equal). Any other route goes to the full app.
 */
export const ENTERPRISE_H5_PAGES = ['enterprise/pages/verify/index', 'enterprise/pages/rate/index', 'enterprise/pages/penalty/index', 'enterprise/pages/draws/index'] as const;

export type EnterpriseH5Page = (typeof ENTERPRISE_H5_PAGES)[number];

export function isEnterpriseH5Page(path: string): path is EnterpriseH5Page {
  return (ENTERPRISE_H5_PAGES as readonly string[]).includes(path);
}
