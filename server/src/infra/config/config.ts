import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phoneKeysConfig, type PhoneKeys } from '../crypto/phone-keys.js';
import { penaltiesConfig, type PenaltiesConfig } from './penalties-config.js';
import { reportsConfig, type ReportsConfig } from './reports-config.js';
import { redisTargetConfig, type RedisTarget } from './redis-target.js';
import { portConfig, type PortConfig } from './port-config.js';
import { parseTrustedProxies } from './trusted-proxies.js';

export type { RedisTarget } from './redis-target.js';

export interface AppConfig {
  databaseUrl: string;
  /** One Redis server, or the master its Sentinels name (see redis-target.ts). */
  redis: RedisTarget;
  port: number;
  /** Processes serving the API on `port` (one per core by default); see serveInProcesses. */
  apiProcesses: number;
  publicBaseUrl: string;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges); none by default. */
  trustedProxies: string[];
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** Phone encryption keys by version and the blind index key (PHONE_ENCRYPTION_KEYS / _KEY, PHONE_INDEX_KEY). */
  phoneKeys: PhoneKeys;
  wechat: { appId: string; secret: string; apiBase: string };
  migrateOnStart: boolean;
  h5Dir: string | null;
  bodyLimit: number;
  /** Where uploaded exchange files wait for their import job. */
  importSpoolDir: string;
  onsite: OnsiteConfig;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  anomalyReport: AnomalyReportConfig;
  evaluation: EvaluationConfig;
  penalties: PenaltiesConfig;
  reports: ReportsConfig;
  enterprisePort: PortConfig;
}

/** The nightly anomaly report's schedule and retries. */
export interface AnomalyReportConfig {
  /** Five-field cron in Asia/Shanghai (default `0 2 * * *`); null when switched off (`off`). */
  cron: string | null;
  /** Attempts per as-of date before the run is left failed. */
  attempts: number;
  /** First retry delay; doubled for each further attempt. */
  backoffMs: number;
}

export type DocumentStorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

export interface OnsiteConfig {
  /** 先检查后补码: hours an emergency inspection has to file its code after the check-in. */
  emergencyCodeHours: number;
  /** How old a check-in or finding replayed from a phone's offline queue may be. */
  offlineMaxAgeHours: number;
  documentMaxBytes: number;
  storage: DocumentStorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (配置错误):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Nest's log levels, least to most talkative. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const REPO_H5_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../miniapp/dist/h5');

function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return null;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

function parseUrl(value: string | undefined, protocols: string[]): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Reads and checks the environment once at start-up; every problem is listed, none is guessed around. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const require = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name}: required`);
    return value ?? '';
  };

  const databaseUrl = require('DATABASE_URL');
  const db = parseUrl(databaseUrl, ['mysql:']);
  if (databaseUrl && (!db || db.pathname.length < 2)) {
    problems.push('DATABASE_URL: must look like mysql://user:password@host:3306/database');
  }
  const redis = redisTargetConfig(env, problems);

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push('PORT: must be an integer 1–65535');

  const apiProcesses = Number(env.API_PROCESSES?.trim() || availableParallelism());
  if (!Number.isInteger(apiProcesses) || apiProcesses < 1 || apiProcesses > 64) problems.push('API_PROCESSES: must be an integer 1–64 (default: one per CPU core)');

  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://127.0.0.1:${port}`).replace(/\/$/, '');
  if (env.PUBLIC_BASE_URL?.trim() && !parseUrl(publicBaseUrl, ['http:', 'https:'])) problems.push('PUBLIC_BASE_URL: must be an http(s) URL');

  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  if (trusted.invalid.length) problems.push(`TRUSTED_PROXIES: not an IP address or CIDR range: ${trusted.invalid.join(', ')}`);

  const jwtSecret = require('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET: must be at least 32 characters');
  const jwtTtlSeconds = parseDuration(env.JWT_TTL ?? '12h');
  if (!jwtTtlSeconds) problems.push('JWT_TTL: must be a duration like 12h, 30m or 3600');

  const phoneKeys = phoneKeysConfig(env, problems);

  const wechatApiBase = (env.WECHAT_API_BASE?.trim() || 'https://api.weixin.qq.com').replace(/\/$/, '');
  if (!parseUrl(wechatApiBase, ['http:', 'https:'])) problems.push('WECHAT_API_BASE: must be an http(s) URL');

  const migrate = (env.MIGRATE_ON_START ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(migrate)) problems.push('MIGRATE_ON_START: must be true or false');

  let h5Dir: string | null = env.H5_DIR?.trim() ? resolve(env.H5_DIR.trim()) : REPO_H5_DIR;
  if (env.H5_DIR?.trim() && !existsSync(h5Dir)) problems.push(`H5_DIR: ${h5Dir} does not exist`);
  if (!existsSync(h5Dir)) h5Dir = null;

  const bodyLimit = Number(env.BODY_LIMIT ?? 1_048_576);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) problems.push('BODY_LIMIT: must be an integer ≥ 1024 (bytes)');

  const importSpoolDir = resolve(env.IMPORT_SPOOL_DIR?.trim() || join(tmpdir(), 'mashang-imports'));

  const onsite = onsiteConfig(env, problems);

  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);

  const anomalyReport = anomalyReportConfig(env, problems);

  const evaluation = evaluationConfig(env, problems);

  const penalties = penaltiesConfig(env, problems);

  const reports = reportsConfig(env, problems, validCron);
  const enterprisePort = portConfig(env, problems);

  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl,
    redis,
    port,
    apiProcesses,
    publicBaseUrl,
    trustedProxies: trusted.proxies,
    jwtSecret,
    jwtTtlSeconds: jwtTtlSeconds!,
    phoneKeys,
    wechat: { appId: env.WECHAT_APPID?.trim() ?? '', secret: env.WECHAT_SECRET?.trim() ?? '', apiBase: wechatApiBase },
    migrateOnStart: migrate === 'true' || migrate === '1',
    h5Dir,
    bodyLimit,
    importSpoolDir,
    onsite,
    logLevel,
    anomalyReport,
    evaluation,
    penalties,
    reports,
    enterprisePort,
  };
}

const CRON_FIELDS: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

/** A five-field cron of numbers, `*`, ranges, lists and steps, each number within its field's bounds. */
export function validCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length === 5 && fields.every((field, i) => field.split(',').every((part) => {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return false;
    const [min, max] = CRON_FIELDS[i];
    const numbers = [match[2], match[3]].filter((n) => n !== undefined).map(Number);
    return numbers.every((n) => n >= min && n <= max) && (match[4] === undefined || Number(match[4]) >= 1);
  }));
}

/** ANOMALY_REPORT_CRON / _ATTEMPTS / _BACKOFF; the CLI reads them too, so its report job retries alike. */
export function anomalyReportConfig(env: NodeJS.ProcessEnv, problems: string[]): AnomalyReportConfig {
  const cronText = (env.ANOMALY_REPORT_CRON ?? '').trim() || '0 2 * * *';
  const cron = cronText.toLowerCase() === 'off' ? null : cronText;
  if (cron !== null && !validCron(cron)) problems.push('ANOMALY_REPORT_CRON: must be a five-field cron such as "0 2 * * *" (Asia/Shanghai), or off');
  const attempts = Number(env.ANOMALY_REPORT_ATTEMPTS ?? 3);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) problems.push('ANOMALY_REPORT_ATTEMPTS: must be an integer 1–20');
  const backoff = parseDuration(env.ANOMALY_REPORT_BACKOFF ?? '5m');
  if (backoff === null) problems.push('ANOMALY_REPORT_BACKOFF: must be a duration like 5m, 30s or 600');
  return { cron, attempts, backoffMs: (backoff ?? 0) * 1000 };
}

function onsiteConfig(env: NodeJS.ProcessEnv, problems: string[]): OnsiteConfig {
  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) problems.push(`${name}: must be a positive integer`);
    return value;
  };
  const emergencyCodeHours = positive('EMERGENCY_CODE_HOURS', 24);
  const offlineMaxAgeHours = positive('OFFLINE_MAX_AGE_HOURS', 72);
  const documentMaxBytes = positive('DOCUMENT_MAX_BYTES', 10 * 1024 * 1024);
  const kind = (env.DOCUMENT_STORAGE ?? 'local').trim();
  let storage: DocumentStorageConfig;
  if (kind === 's3') {
    const endpoint = env.S3_ENDPOINT?.trim() ?? '';
    if (!parseUrl(endpoint, ['http:', 'https:'])) problems.push('S3_ENDPOINT: required for DOCUMENT_STORAGE=s3, an http(s) URL');
    const field = (name: string) => {
      const value = env[name]?.trim() ?? '';
      if (!value) problems.push(`${name}: required for DOCUMENT_STORAGE=s3`);
      return value;
    };
    storage = { kind: 's3', endpoint, region: env.S3_REGION?.trim() || 'us-east-1', bucket: field('S3_BUCKET'), accessKeyId: field('S3_ACCESS_KEY_ID'), secretAccessKey: field('S3_SECRET_ACCESS_KEY') };
  } else {
    if (kind !== 'local') problems.push('DOCUMENT_STORAGE: must be local or s3');
    storage = { kind: 'local', dir: resolve(env.DOCUMENT_DIR?.trim() || join(tmpdir(), 'mashang-documents')) };
  }
  return { emergencyCodeHours, offlineMaxAgeHours, documentMaxBytes, storage };
}

/** SMS evaluation (短信评价): which provider sends the invites, how, and how long links live. */
export interface EvaluationConfig {
  sms: SmsConfig;
  /** How long a rating link or code stays valid. */
  linkTtlSeconds: number;
  /** One reminder this long after the invite if still unrated; null when switched off (`off`). */
  reminderDelaySeconds: number | null;
}

export type SmsProviderConfig =
  | { kind: 'outbox' }
  | { kind: 'aliyun'; accessKeyId: string; accessKeySecret: string; endpoint: SmsEndpoint }
  | { kind: 'tencent'; secretId: string; secretKey: string; sdkAppId: string; region: string; endpoint: SmsEndpoint };

/** A provider's API host, `https` unless configured as an http:// URL (a local fake in tests). */
export interface SmsEndpoint {
  protocol: 'http' | 'https';
  host: string;
}

export interface SmsConfig {
  provider: SmsProviderConfig;
  /** link: the personal link is a template variable; code: the template holds the fixed address, the variable a code. */
  mode: 'link' | 'code';
  signName: string;
  inviteTemplate: string;
  reminderTemplate: string;
  /** The penalty notice's supervision code (监督码) sent to the party. */
  penaltyNoticeTemplate: string;
  timeoutMs: number;
  maxAttempts: number;
  /** First retry delay; doubled for each further attempt. */
  retryDelayMs: number;
  /** Messages per second sent to the provider at most (Bull limiter). */
  ratePerSecond: number;
  /** Sends in flight at once in one server process. */
  concurrency: number;
  /**
   * Delivery-receipt callbacks must carry `?token=<this>`. Required with a real provider (its callbacks
   * carry no signature of their own); null only with the outbox, whose receipts endpoints stay open.
   */
  callbackToken: string | null;
}

/** `500ms`, `10s`, `5m`, `3d` or plain seconds, in milliseconds. */
function parseMillis(text: string): number | null {
  const match = /^(\d+)\s*ms$/.exec(text.trim());
  if (match) return Number(match[1]);
  const seconds = parseDuration(text);
  return seconds === null ? null : seconds * 1000;
}

function smsEndpoint(name: string, value: string, problems: string[]): SmsEndpoint {
  if (/^https?:\/\//.test(value)) {
    const url = parseUrl(value, ['http:', 'https:']);
    if (url && url.pathname === '/') return { protocol: url.protocol === 'http:' ? 'http' : 'https', host: url.host };
  } else if (/^[A-Za-z0-9.-]+(:\d+)?$/.test(value)) {
    return { protocol: 'https', host: value };
  }
  problems.push(`${name}: must be a host name such as dysmsapi.aliyuncs.com, or an http(s) URL without a path`);
  return { protocol: 'https', host: value };
}

export function evaluationConfig(env: NodeJS.ProcessEnv, problems: string[]): EvaluationConfig {
  const text = (name: string, fallback = '') => env[name]?.trim() || fallback;
  const required = (name: string, why: string) => {
    const value = text(name);
    if (!value) problems.push(`${name}: required ${why}`);
    return value;
  };
  const kind = text('SMS_PROVIDER', 'outbox');
  let provider: SmsProviderConfig = { kind: 'outbox' };
  if (kind === 'aliyun') {
    const why = 'for SMS_PROVIDER=aliyun';
    provider = {
      kind,
      accessKeyId: required('ALIYUN_SMS_ACCESS_KEY_ID', why),
      accessKeySecret: required('ALIYUN_SMS_ACCESS_KEY_SECRET', why),
      endpoint: smsEndpoint('ALIYUN_SMS_ENDPOINT', text('ALIYUN_SMS_ENDPOINT', 'dysmsapi.aliyuncs.com'), problems),
    };
  } else if (kind === 'tencent') {
    const why = 'for SMS_PROVIDER=tencent';
    provider = {
      kind,
      secretId: required('TENCENT_SMS_SECRET_ID', why),
      secretKey: required('TENCENT_SMS_SECRET_KEY', why),
      sdkAppId: required('TENCENT_SMS_SDK_APP_ID', why),
      region: text('TENCENT_SMS_REGION', 'ap-guangzhou'),
      endpoint: smsEndpoint('TENCENT_SMS_ENDPOINT', text('TENCENT_SMS_ENDPOINT', 'sms.tencentcloudapi.com'), problems),
    };
  } else if (kind !== 'outbox') {
    problems.push('SMS_PROVIDER: must be outbox, aliyun or tencent');
  }
  const mode = text('SMS_MODE', kind === 'tencent' ? 'code' : 'link');
  if (mode !== 'link' && mode !== 'code') problems.push('SMS_MODE: must be link or code');
  if (kind === 'tencent' && mode === 'link') problems.push('SMS_MODE: Tencent Cloud SMS forbids links in template variables; use code');
  const real = kind === 'aliyun' || kind === 'tencent' ? `for SMS_PROVIDER=${kind}` : '';
  const signName = real ? required('SMS_SIGN_NAME', real) : text('SMS_SIGN_NAME', '码上入企');
  const inviteTemplate = real ? required('SMS_TEMPLATE_INVITE', real) : text('SMS_TEMPLATE_INVITE', 'local-invite');
  const reminderTemplate = real ? required('SMS_TEMPLATE_REMINDER', real) : text('SMS_TEMPLATE_REMINDER', 'local-reminder');
  const penaltyNoticeTemplate = real ? required('SMS_TEMPLATE_PENALTY_NOTICE', real) : text('SMS_TEMPLATE_PENALTY_NOTICE', 'local-penalty-notice');

  const millis = (name: string, fallback: string, min: number) => {
    const value = parseMillis(text(name, fallback));
    if (value === null || value < min) problems.push(`${name}: must be a duration of at least ${min} ms, like 10s or 500ms`);
    return value ?? min;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(text(name, String(fallback)));
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name}: must be an integer ${min}–${max}`);
    return value;
  };
  const timeoutMs = millis('SMS_TIMEOUT', '10s', 100);
  const retryDelayMs = millis('SMS_RETRY_DELAY', '30s', 10);
  const maxAttempts = integer('SMS_MAX_ATTEMPTS', 8, 1, 30);
  const ratePerSecond = integer('SMS_RATE_LIMIT', 100, 1, 1_000_000);
  const concurrency = integer('SMS_CONCURRENCY', 100, 1, 1000);

  // Aliyun's and Tencent's receipt pushes are not signed: the token in the registered callback address is all that tells them from a forgery.
  const callbackToken = real ? required('SMS_CALLBACK_TOKEN', `${real} (delivery receipts are accepted only with ?token=<it> in the callback address)`) : text('SMS_CALLBACK_TOKEN');
  if (callbackToken && !/^[A-Za-z0-9._~-]{16,}$/.test(callbackToken)) problems.push('SMS_CALLBACK_TOKEN: must be at least 16 characters, letters, digits and - _ . ~ (it goes in the callback address)');

  const ttl = parseDuration(text('RATING_LINK_TTL', '7d'));
  if (!ttl) problems.push('RATING_LINK_TTL: must be a duration like 7d or 48h');
  const reminderText = text('RATING_REMINDER_DELAY', '3d');
  const reminder = reminderText.toLowerCase() === 'off' ? null : parseDuration(reminderText);
  if (reminderText.toLowerCase() !== 'off' && !reminder) problems.push('RATING_REMINDER_DELAY: must be a duration like 3d or 72h, or off');

  return {
    sms: {
      provider,
      mode: mode as SmsConfig['mode'],
      signName,
      inviteTemplate,
      reminderTemplate,
      penaltyNoticeTemplate,
      timeoutMs,
      maxAttempts,
      retryDelayMs,
      ratePerSecond,
      concurrency,
      callbackToken: callbackToken || null,
    },
    linkTtlSeconds: ttl ?? 0,
    reminderDelaySeconds: reminder ?? null,
  };
}
