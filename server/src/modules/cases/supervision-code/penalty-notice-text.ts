import { shanghaiDate } from '@mashang/shared';

/** Longest agency name put into a template variable (providers cap variable length). */
const AGENCY_VARIABLE_MAX = 20;

export interface PenaltyNoticeInput {
  signName: string;
  /** Public base URL, no trailing slash. */
  baseUrl: string;
  /** link: the whole address is a variable (Aliyun); code: the template holds `<baseUrl>/p/` and the variable is the code (Tencent forbids links in variables). */
  mode: 'link' | 'code';
  agencyName: string;
  token: string;
  /** End of the statement period; null when the notice set none. */
  statementUntil: Date | null;
}

export interface PenaltyNoticeContent {
  /** Aliyun: `${agency}`, `${link}`, `${until}`. */
  params: Record<string, string>;
  /** Tencent: `{1}` agency, `{2}` the code, `{3}` until. */
  positional: string[];
  /** The whole message as the registered template reads, for the outbox. */
  text: string;
  link: string;
  /** `text` with the code masked: what logs keep. */
  loggedText: string;
}

/** `2026-03-05` → `3月5日` */
function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** The code as logs show it: its first four characters. */
function masked(token: string): string {
  return `${token.slice(0, 4)}${'*'.repeat(Math.max(0, token.length - 4))}`;
}

/**
 * The SMS that brings the penalty notice's supervision code to the party: who sent the notice, the
 * code's link, and the last day to state and defend (the instant just before the period ends, in
 * Asia/Shanghai).
 */
export function renderPenaltyNotice(input: PenaltyNoticeInput): PenaltyNoticeContent {
  const agency = input.agencyName.length > AGENCY_VARIABLE_MAX ? `${input.agencyName.slice(0, AGENCY_VARIABLE_MAX - 1)}…` : input.agencyName;
  const until = input.statementUntil ? monthDay(shanghaiDate(input.statementUntil.getTime() - 1)) : '告知书载明的期限';
  const link = `${input.baseUrl}/p/${input.token}`;
  const text = (shown: string) =>
    `【${input.signName}】${agency}已向贵单位送达行政处罚告知书。请打开 ${shown} 查看处罚依据和裁量理由；${until}前可在线陈述申辩，也可申请听证或对裁量提出异议，无需登录。`;
  return {
    params: { agency, link, until },
    positional: [agency, input.mode === 'code' ? input.token : link, until],
    text: text(link),
    link,
    loggedText: text(`${input.baseUrl}/p/${masked(input.token)}`),
  };
}
