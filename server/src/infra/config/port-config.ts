/** The enterprise's port (企业端): its sessions, sign-in codes, complaints and advance notices. */
export interface PortConfig {
  /** How long an enterprise stays signed in (ENTERPRISE_SESSION_TTL, 7 days by default). */
  sessionTtlSeconds: number;
  /** How long an SMS sign-in code is good for. */
  codeTtlSeconds: number;
  /** SMS templates of the port (SMS_TEMPLATE_SIGN_IN, _COMPLAINT_OUTCOME, _INSPECTION_NOTICE); required with a real provider. */
  templates: { signIn: string; complaintOutcome: string; inspectionNotice: string; offsiteRequest: string | null };
  /** Days a supervisor has to answer a complaint (码上响应) before it is overdue. */
  complaintDays: number;
  /** Days ahead a planned inspection is announced to the enterprise (检查预告). */
  noticeDays: number;
}

/** `7d`, `12h`, `30m` or plain seconds. */
function seconds(text: string): number | null {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

/** ENTERPRISE_*, COMPLAINT_*, INSPECTION_NOTICE_* and the port's SMS templates. */
export function portConfig(env: NodeJS.ProcessEnv, problems: string[]): PortConfig {
  const text = (name: string, fallback = '') => env[name]?.trim() || fallback;
  const ttl = seconds(text('ENTERPRISE_SESSION_TTL', '7d'));
  if (!ttl || ttl < 300 || ttl > 90 * 86400) problems.push('ENTERPRISE_SESSION_TTL: must be a duration from 5m to 90d, like 7d or 12h');
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const value = Number(text(name, String(fallback)));
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}: must be an integer ${min}–${max}`);
    return value;
  };
  const kind = text('SMS_PROVIDER', 'outbox');
  const real = kind === 'aliyun' || kind === 'tencent';
  const template = (name: string, local: string) => {
    const value = text(name);
    if (real && !value) problems.push(`${name}: required for SMS_PROVIDER=${kind}`);
    return value || local;
  };
  return {
    sessionTtlSeconds: ttl ?? 0,
    codeTtlSeconds: 5 * 60,
    templates: {
      signIn: template('SMS_TEMPLATE_SIGN_IN', 'local-sign-in'),
      complaintOutcome: template('SMS_TEMPLATE_COMPLAINT_OUTCOME', 'local-complaint-outcome'),
      inspectionNotice: template('SMS_TEMPLATE_INSPECTION_NOTICE', 'local-inspection-notice'),
      // Optional: without it a real provider sends no off-site request, which the enterprise then finds on its page (/e).
      offsiteRequest: text('SMS_TEMPLATE_OFFSITE_REQUEST') || (real ? null : 'local-offsite-request'),
    },
    complaintDays: whole('COMPLAINT_DAYS', 7, 1, 60),
    noticeDays: whole('INSPECTION_NOTICE_DAYS', 3, 1, 14),
  };
}
