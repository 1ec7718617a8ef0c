/**
 * The texts of the port's SMS, as their templates are registered with the provider: Aliyun takes the
 * named variables, Tencent the same in order. `loggedText` is what logs may keep.
 */
export interface PortSmsContent {
  params: Record<string, string>;
  positional: string[];
  text: string;
  loggedText: string;
  /** The page the message sends the enterprise to ('' when it names none). */
  link: string;
}

/** 验证码 template: `您的企业端登录验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。` */
export function signInCodeSms(signName: string, code: string, ttlSeconds: number, purpose: 'sign-in' | 'complaint'): PortSmsContent {
  const minutes = String(Math.round(ttlSeconds / 60));
  const use = purpose === 'sign-in' ? '企业端登录' : '投诉联系电话核验';
  const text = (shown: string) => `【${signName}】您的${use}验证码为${shown}，${minutes}分钟内有效。如非本人操作，请忽略本短信。`;
  return {
    params: { code, minutes },
    positional: [code, minutes],
    text: text(code),
    // Whoever reads the log must not be able to sign in.
    loggedText: text(`${code.slice(0, 2)}${'*'.repeat(Math.max(0, code.length - 2))}`),
    link: '',
  };
}
