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
/** The enterprise's port (`enterprise` subpackage): sign-in (the server redirects /e to it), then its page. */
export const ENTERPRISE_SIGN_IN_PAGE = '/enterprise/pages/signin/index';
export const ENTERPRISE_HOME_PAGE = '/enterprise/pages/home/index';
/** 码上响应 without signing in (the server redirects /c to it). */
export const ENTERPRISE_COMPLAIN_PAGE = '/enterprise/pages/complain/index';
/**
 * The supervision console (H5 only, `console` subpackage). Its paths live here, not with the
 * console's code, so the officer home can send desk roles there without importing any of it.
 */
export const CONSOLE_CASES_PAGE = '/console/pages/cases/index';
/** `?id=<caseId>`. */
export const CONSOLE_CASE_PAGE = '/console/pages/case/index';
export const CONSOLE_DASHBOARD_PAGE = '/console/pages/dashboard/index';
export const CONSOLE_REPORT_PAGE = '/console/pages/report/index';
/** The audit log of exports, for the discipline inspectors (纪检监察). */
export const CONSOLE_AUDIT_PAGE = '/console/pages/audit/index';
