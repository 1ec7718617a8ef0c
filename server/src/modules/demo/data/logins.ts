/** The demo's accounts, one per role. */
import type { Role } from '@mashang/shared';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  agencyId?: string;
  officerId?: string;
  displayName: string;
}

export const DEMO_PASSWORD = 'demo1234';

/**
 * Accounts the server creates after importing a demo city. The agency and officers exist in
 * every generated dataset (A001 is the city's market regulator; its first two officers keep
 * these names whatever the seed; A002 is the city's fire brigade, whose first officer, named the
 * same way, joins A001's on the demo's joint inspection).
 */
export const DEMO_LOGINS: readonly DemoLogin[] = Object.freeze([
  { username: 'supervisor', password: DEMO_PASSWORD, role: 'supervisor', displayName: '市司法局行政执法监督科（演示）' },
  { username: 'discipline', password: DEMO_PASSWORD, role: 'discipline', displayName: '市纪委监委派驻纪检组（演示）' },
  { username: 'admin1', password: DEMO_PASSWORD, role: 'agency-admin', agencyId: 'A001', displayName: '开封市市场监督管理局管理员（演示）' },
  { username: 'officer1', password: DEMO_PASSWORD, role: 'officer', agencyId: 'A001', officerId: 'A001-001', displayName: '张建国' },
  { username: 'officer2', password: DEMO_PASSWORD, role: 'officer', agencyId: 'A001', officerId: 'A001-002', displayName: '李秀梅' },
  { username: 'admin2', password: DEMO_PASSWORD, role: 'agency-admin', agencyId: 'A002', displayName: '开封市消防救援支队管理员（演示）' },
  { username: 'officer3', password: DEMO_PASSWORD, role: 'officer', agencyId: 'A002', officerId: 'A002-001', displayName: '王志强' },
] satisfies DemoLogin[]);

