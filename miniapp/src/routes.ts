/** Page paths for Taro navigation (leading slash, as Taro.reLaunch expects). */
export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/home/index';
export const PLANS_PAGE = '/pages/plans/index';
export const PLAN_NEW_PAGE = '/pages/plan-new/index';
/** Public, in the `enterprise` subpackage; the server redirects /v/<token> to it on H5 (?c=<token>). */
export const VERIFY_PAGE = '/enterprise/pages/verify/index';
