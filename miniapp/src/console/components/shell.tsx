/*
 * The console's frame: a top bar with the pages (#nav-cases, #nav-penalty-cases, #nav-dashboard,
 * #nav-report, #nav-benchmarks, #nav-disputed, #nav-scenarios, #nav-review-requests, #nav-registers,
 * #nav-plan-approvals, #nav-colours, #nav-campaigns; supervisors and agency admins also #nav-reviews (法制审核); supervisors and
 * discipline inspectors also #nav-warning; supervisors also #nav-imports; agency admins also #nav-plans,
 * discipline inspectors also #nav-audit), who is logged in (#console-user)
 * and #console-logout. Pages render inside once `useDeskSession` has a desk role's session.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { SessionUser } from '@mashang/shared';
import { useState, type PropsWithChildren } from 'react';
import { isDeskRole, roleLabel } from '../../logic/roles';
import {
  CONSOLE_AUDIT_PAGE,
  CONSOLE_BENCHMARKS_PAGE,
  CONSOLE_CAMPAIGNS_PAGE,
  CONSOLE_CASES_PAGE,
  CONSOLE_DASHBOARD_PAGE,
  CONSOLE_DISPUTED_PAGE,
  CONSOLE_IMPORTS_PAGE,
  CONSOLE_PENALTY_CASES_PAGE,
  CONSOLE_PLAN_APPROVALS_PAGE,
  CONSOLE_COLOURS_PAGE,
  CONSOLE_REGISTERS_PAGE,
  CONSOLE_REPORT_PAGE,
  CONSOLE_REVIEW_REQUESTS_PAGE,
  CONSOLE_REVIEWS_PAGE,
  CONSOLE_SCENARIOS_PAGE,
  CONSOLE_WARNING_PAGE,
  HOME_PAGE,
  LOGIN_PAGE,
  PLANS_PAGE,
} from '../../routes';
import { currentSession, logout } from '../../services/auth';
import '../console.css';

/** The logged-in desk user; anyone else is sent to the login page or their own home. */
export function useDeskSession(): SessionUser | null {
  const [user, setUser] = useState<SessionUser | null>(null);
  useLoad(() => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    if (!isDeskRole(session.user.role)) {
      void Taro.reLaunch({ url: HOME_PAGE });
      return;
    }
    setUser(session.user);
  });
  return user;
}

type Tab =
  | 'cases' | 'dashboard' | 'report' | 'case' | 'audit' | 'reviews' | 'penalty-cases' | 'penalty-case' | 'benchmarks' | 'disputed' | 'warning'
  | 'scenarios' | 'review-requests' | 'registers' | 'imports' | 'plan-approvals' | 'colours' | 'campaigns';

const TABS: { key: Tab; id: string; label: string; url: string; roles?: SessionUser['role'][] }[] = [
  { key: 'cases', id: 'nav-cases', label: '监督案件', url: CONSOLE_CASES_PAGE },
  // Legal review of major decisions: the supervisors, and an agency admin for its own agency.
  { key: 'reviews', id: 'nav-reviews', label: '法制审核', url: CONSOLE_REVIEWS_PAGE, roles: ['supervisor', 'agency-admin'] },
  { key: 'penalty-cases', id: 'nav-penalty-cases', label: '处罚案件', url: CONSOLE_PENALTY_CASES_PAGE },
  { key: 'dashboard', id: 'nav-dashboard', label: '执法监测', url: CONSOLE_DASHBOARD_PAGE },
  { key: 'report', id: 'nav-report', label: '研判报告', url: CONSOLE_REPORT_PAGE },
  { key: 'warning', id: 'nav-warning', label: '预警报告', url: CONSOLE_WARNING_PAGE, roles: ['supervisor', 'discipline'] },
  { key: 'benchmarks', id: 'nav-benchmarks', label: '裁量基准', url: CONSOLE_BENCHMARKS_PAGE },
  { key: 'disputed', id: 'nav-disputed', label: '争议条款', url: CONSOLE_DISPUTED_PAGE },
  // Only the discipline inspectors read the audit log.
  { key: 'audit', id: 'nav-audit', label: '审计日志', url: CONSOLE_AUDIT_PAGE, roles: ['discipline'] },
  { key: 'scenarios', id: 'nav-scenarios', label: '综合监管场景', url: CONSOLE_SCENARIOS_PAGE },
  { key: 'review-requests', id: 'nav-review-requests', label: '异议复查', url: CONSOLE_REVIEW_REQUESTS_PAGE },
  { key: 'registers', id: 'nav-registers', label: '名录管理', url: CONSOLE_REGISTERS_PAGE },
  { key: 'plan-approvals', id: 'nav-plan-approvals', label: '计划审批', url: CONSOLE_PLAN_APPROVALS_PAGE },
  { key: 'colours', id: 'nav-colours', label: '三色清单', url: CONSOLE_COLOURS_PAGE },
  { key: 'campaigns', id: 'nav-campaigns', label: '专项检查', url: CONSOLE_CAMPAIGNS_PAGE },
  // The exchange import is the city's data administrators' (supervisors').
  { key: 'imports', id: 'nav-imports', label: '数据导入', url: CONSOLE_IMPORTS_PAGE, roles: ['supervisor'] },
];

/** The tab a page lights up: a case page its list's. */
const LIT: Partial<Record<Tab, Tab>> = { case: 'cases', 'penalty-case': 'penalty-cases' };

export function ConsoleShell({ user, tab, children }: PropsWithChildren<{ user: SessionUser | null; tab: Tab }>) {
  return (
    <View className='console'>
      <View className='console__bar'>
        <Text className='console__brand'>码上入企 · 执法监督</Text>
        <View className='console__nav'>
          {TABS.filter((t) => !t.roles || (user && t.roles.includes(user.role))).map((t) => (
            <Text
              key={t.key}
              id={t.id}
              className={`console__tab${t.key === (LIT[tab] ?? tab) ? ' console__tab--on' : ''}`}
              onClick={() => void Taro.reLaunch({ url: t.url })}
            >
              {t.label}
            </Text>
          ))}
          {user?.role === 'agency-admin' && (
            <Text id='nav-plans' className='console__tab' onClick={() => void Taro.navigateTo({ url: PLANS_PAGE })}>
              检查计划
            </Text>
          )}
        </View>
        <View className='console__who'>
          <Text id='console-user' className='console__user'>
            {user ? `${user.displayName}（${roleLabel(user.role)}）` : ''}
          </Text>
          <Text id='console-logout' className='console__logout' onClick={logout}>
            退出
          </Text>
        </View>
      </View>
      <View className='console__body'>{user ? children : <Text className='console__muted'>正在加载…</Text>}</View>
    </View>
  );
}
