/** Page paths for Taro navigation (leading slash, as Taro.reLaunch expects). */
export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/home/index';
export const PLANS_PAGE = '/pages/plans/index';
export const PLAN_NEW_PAGE = '/pages/plan-new/index';
export const SCAN_PAGE = '/pages/scan/index';
/** `?id=<planId>`: one agency's part of an inspection, on site. */
export const INSPECTION_PAGE = '/pages/inspection/index';
/** Public, in the `enterprise` subpackage; the server redirects /v/<token> to it on H5 (?c=<token>). */
export const VERIFY_PAGE = '/enterprise/pages/verify/index';
