/** Page paths for Taro navigation (leading slash, as Taro.reLaunch expects). */
export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/home/index';
export const PLANS_PAGE = '/pages/plans/index';
export const PLAN_NEW_PAGE = '/pages/plan-new/index';
export const SCAN_PAGE = '/pages/scan/index';
/** `?id=<planId>`: one agency's part of an inspection, on site. */
export const INSPECTION_PAGE = '/pages/inspection/index';
/**
 * Penalty cases (行政处罚), in the `penalty` subpackage so the WeChat main package stays small:
 * the agency's list, one case (`?id=<caseId>`), filing (`?inspectionId=<planId>` or `?flaggedCaseId=<id>`).
 */
export const PENALTY_CASES_PAGE = '/penalty/pages/cases/index';
export const PENALTY_CASE_PAGE = '/penalty/pages/case/index';
export const PENALTY_FILE_PAGE = '/penalty/pages/file/index';
/** Public, in the `enterprise` subpackage; the server redirects /v/<token> to it on H5 (?c=<token>). */
export const VERIFY_PAGE = '/enterprise/pages/verify/index';
/** The enterprise's port (`enterprise` subpackage): sign-in (the server redirects /e to it), then its page. */
export const ENTERPRISE_SIGN_IN_PAGE = '/enterprise/pages/signin/index';
export const ENTERPRISE_HOME_PAGE = '/enterprise/pages/home/index';
/** 非现场检查: the enterprise answers a request (`?t=<token>` from the SMS, `?id=<requestId>` signed in). */
export const ENTERPRISE_OFFSITE_PAGE = '/enterprise/pages/offsite/index';
/** 非现场检查, the officer's side (`?planId=<planId>`): ask, read the answers, decide. */
export const OFFSITE_PAGE = '/pages/offsite/index';
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
/** 法制审核: the legal reviews waiting (supervisors; agency admins their own agency's). */
export const CONSOLE_REVIEWS_PAGE = '/console/pages/reviews/index';
/** Penalty cases for desks, read-only (`?id=<caseId>` for one; a pending review is decided there). */
export const CONSOLE_PENALTY_CASES_PAGE = '/console/pages/penalty-cases/index';
export const CONSOLE_PENALTY_CASE_PAGE = '/console/pages/penalty-case/index';
/** 裁量基准: the list (search, import, export) and one clause's editor with its history (`?clause=<code>`; none: a new clause). */
export const CONSOLE_BENCHMARKS_PAGE = '/console/pages/benchmarks/index';
export const CONSOLE_BENCHMARK_PAGE = '/console/pages/benchmark/index';
/** 争议条款: clauses whose discretion draws objections. */
export const CONSOLE_DISPUTED_PAGE = '/console/pages/disputed/index';
/** 高发违法行为预警报告 (yearly). */
export const CONSOLE_WARNING_PAGE = '/console/pages/warning/index';
/** 综合监管场景 (supervisors keep them; every desk reads them). */
export const CONSOLE_SCENARIOS_PAGE = '/console/pages/scenarios/index';
/** 异议复查 requests: supervisors decide; agency admins follow their own. */
export const CONSOLE_REVIEW_REQUESTS_PAGE = '/console/pages/review-requests/index';
/** 名录管理: the registers (agency admins their own agency's officers and items). `?r=<register>`. */
export const CONSOLE_REGISTERS_PAGE = '/console/pages/registers/index';
/** 数据导入: the exchange format's files, uploaded and imported (supervisors). */
export const CONSOLE_IMPORTS_PAGE = '/console/pages/imports/index';
/** 计划审批: plans waiting for their agency head (agency admins decide; overseers read). */
export const CONSOLE_PLAN_APPROVALS_PAGE = '/console/pages/plan-approvals/index';
export const CONSOLE_COLOURS_PAGE = '/console/pages/colours/index';
/** 专项检查: special campaigns, drafted, approved, published. */
export const CONSOLE_CAMPAIGNS_PAGE = '/console/pages/campaigns/index';
