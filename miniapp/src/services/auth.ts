import Taro from '@tarojs/taro';
import type {
  LoginRequest,
  LoginResponse,
  SessionUser,
  WechatLoginRequest,
} from '@mashang/shared';
import { ApiError, ClientErrorCode } from '../logic/api-error';
import { api, endSession } from './request';
import { sessionStore } from './session';

function keep(response: LoginResponse): LoginResponse {
  sessionStore.save(response);
  return response;
}

export async function loginWithPassword(credentials: LoginRequest): Promise<LoginResponse> {
  return keep(await api.post<LoginResponse>('/api/auth/login', credentials, { anonymous: true }));
}

/**
 * WeChat login. A wx.login code is good for one exchange only, so each attempt (including the
 * binding one after WECHAT_UNBOUND) asks WeChat for a fresh code.
 */
export async function loginWithWechat(
  binding?: Omit<WechatLoginRequest, 'code'>,
): Promise<LoginResponse> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError({
      status: 0,
      code: ClientErrorCode.WechatLogin,
      message: '未能取得微信登录凭证，请重试',
    });
  }
  const body: WechatLoginRequest = { code, ...binding };
  return keep(await api.post<LoginResponse>('/api/auth/wechat', body, { anonymous: true }));
}

/** Re-reads the logged-in user (role or name may have changed since login). */
export async function refreshCurrentUser(): Promise<SessionUser> {
  const user = await api.get<SessionUser>('/api/auth/me');
  sessionStore.updateUser(user);
  return user;
}

export function currentSession(): LoginResponse | null {
  return sessionStore.load();
}

/**
 * Ends the session on the server (its token stops working everywhere at once) and here, without waiting:
 * the request takes the token before the stored session is dropped. Offline, the server's session lapses
 * when its token expires.
 */
export function logout(): void {
  api.post('/api/auth/logout').catch(() => undefined);
  endSession();
}
