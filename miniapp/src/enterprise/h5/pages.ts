/**
 * The pages the enterprise H5 entry (`enterprise.html`) serves: the `enterprise` subpackage's pages
 * in app.config.ts opened from a code or an SMS (pages.test.ts holds the two lists below equal to the
 * subpackage). Any other route goes to the full app.
 */
export const ENTERPRISE_H5_PAGES = [
  'enterprise/pages/verify/index', 'enterprise/pages/rate/index', 'enterprise/pages/penalty/index', 'enterprise/pages/draws/index',
  'enterprise/pages/offsite/index',
  'enterprise/pages/campaigns/index',
] as const;

/**
 * The signed-in enterprise's pages (sign-in, its page, the complaint form) stay in the full app: they
 * move between pages, copy and toast, which the entry's stand-ins for Taro do not do.
 */
export const FULL_APP_ENTERPRISE_PAGES = ['enterprise/pages/signin/index', 'enterprise/pages/home/index', 'enterprise/pages/complain/index'] as const;

export type EnterpriseH5Page = (typeof ENTERPRISE_H5_PAGES)[number];

export function isEnterpriseH5Page(path: string): path is EnterpriseH5Page {
  return (ENTERPRISE_H5_PAGES as readonly string[]).includes(path);
}
