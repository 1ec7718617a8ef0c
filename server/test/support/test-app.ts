import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/infra/config/config.js';
import { PhoneCipher } from '../../src/infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../../src/infra/crypto/phone-keys.js';
import { recreateDatabase } from '../../src/infra/database/data-source.js';
import { openDatabase } from '../../src/database.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { REDIS } from '../../src/infra/redis/redis.module.js';

export const TEST_PHONE_KEY = 'a3'.repeat(32);
export const testPhoneCipher = () => new PhoneCipher(singlePhoneKey(Buffer.from(TEST_PHONE_KEY, 'hex')));

function baseUrl(): URL {
  const value = process.env.DATABASE_URL;
  if (!value) throw new Error('DATABASE_URL is not set: run the tests with `npm test` from the repository root');
  return new URL(value);
}

/** A fresh, empty database of its own for one test file: `<base>_<name>`. */
export async function createTestDatabase(name: string): Promise<string> {
  const url = baseUrl();
  return recreateDatabase(url.toString(), `${url.pathname.slice(1)}_${name}`.replace(/[^A-Za-z0-9_]/g, '_'));
}

export async function migratedDataSource(name: string): Promise<DataSource> {
  return openDatabase(await createTestDatabase(name), { migrate: true, poolSize: 4 });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** Base URL when started with listen: true. */
  url: string;
  close(): Promise<void>;
}

/** `databaseUrl`: an existing (empty) database elsewhere, instead of `<base>_<name>` on the tests' server. */
export async function startTestApp(name: string, { env = {}, listen = false, databaseUrl }: { env?: Record<string, string>; listen?: boolean; databaseUrl?: string } = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl ?? (await createTestDatabase(name)),
    REDIS_URL: process.env.REDIS_URL,
    JWT_SECRET: 'test-secret-test-secret-test-secret-000',
    PHONE_ENCRYPTION_KEY: TEST_PHONE_KEY,
    MIGRATE_ON_START: 'true',
    H5_DIR: process.env.H5_DIR ?? '',
    LOG_LEVEL: 'error',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'wx-test-secret',
    ...env,
  });
  process.env.BULL_PREFIX = `test-${name}-${process.pid}`;
  const app = await createApp(config);
  let url = '';
  if (listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return { app, config, dataSource, url, close: () => app.close() };
}

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** One JSON request through Fastify's inject (no socket). */
export async function call<T = any>(app: NestFastifyApplication, method: string, url: string, { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
    payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  let parsed: unknown = response.body;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.statusCode, body: parsed as T };
}

export async function login(app: NestFastifyApplication, username: string, password = 'demo1234'): Promise<string> {
  const answer = await call(app, 'POST', '/api/auth/login', { body: { username, password } });
  if (answer.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** Login attempts are counted in Redis beyond a test run (per account and address): start these from none. */
export async function forgetLoginAttempts(app: NestFastifyApplication, { accounts = [], addresses = [] }: { accounts?: string[]; addresses?: string[] }): Promise<void> {
  const keys = [
    ...accounts.flatMap((name) => [`login-attempts:account:${name}`, `login-wait:account:${name}`]),
    ...addresses.flatMap((ip) => [`login-attempts:address:${ip}`, `login-wait:address:${ip}`]),
  ];
  if (keys.length) await app.get<Redis>(REDIS).del(keys);
}
