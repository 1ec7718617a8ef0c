import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  publicBaseUrl: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  phoneEncryptionKey: Buffer;
  wechat: { appId: string; secret: string; apiBase: string };
  migrateOnStart: boolean;
  h5Dir: string | null;
  bodyLimit: number;
  /** Where uploaded exchange files wait for their import job. */
  importSpoolDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (配置错误):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
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
  const redisUrl = require('REDIS_URL');
  if (redisUrl && !parseUrl(redisUrl, ['redis:', 'rediss:'])) {
    problems.push('REDIS_URL: must look like redis://host:6379');
  }

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push('PORT: must be an integer 1–65535');

  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://127.0.0.1:${port}`).replace(/\/$/, '');
  if (env.PUBLIC_BASE_URL?.trim() && !parseUrl(publicBaseUrl, ['http:', 'https:'])) problems.push('PUBLIC_BASE_URL: must be an http(s) URL');

  const jwtSecret = require('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET: must be at least 32 characters');
  const jwtTtlSeconds = parseDuration(env.JWT_TTL ?? '12h');
  if (!jwtTtlSeconds) problems.push('JWT_TTL: must be a duration like 12h, 30m or 3600');

  const keyHex = require('PHONE_ENCRYPTION_KEY');
  if (keyHex && !/^[0-9a-fA-F]{64}$/.test(keyHex)) problems.push('PHONE_ENCRYPTION_KEY: must be 64 hex characters (32 bytes)');

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

  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);

  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl,
    redisUrl,
    port,
    publicBaseUrl,
    jwtSecret,
    jwtTtlSeconds: jwtTtlSeconds!,
    phoneEncryptionKey: Buffer.from(keyHex, 'hex'),
    wechat: { appId: env.WECHAT_APPID?.trim() ?? '', secret: env.WECHAT_SECRET?.trim() ?? '', apiBase: wechatApiBase },
    migrateOnStart: migrate === 'true' || migrate === '1',
    h5Dir,
    bodyLimit,
    importSpoolDir,
    logLevel,
  };
}
