import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/infra/config/config.js';
import { PhoneCipher } from '../../src/infra/crypto/phone-cipher.js';
import { openDataSource } from '../../src/infra/database/data-source.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import { getQueueToken } from '@nestjs/bull';
import { QueueName } from '../../src/infra/queues/queues.js';
export const TEST_PHONE_KEY = 'a3'.repeat(32);
export const testPhoneCipher = () => new PhoneCipher(Buffer.from(TEST_PHONE_KEY, 'hex'));
function baseUrl() {
    const value = process.env.DATABASE_URL;
    if (!value)
        throw new Error('DATABASE_URL is not set: run the tests with `npm test` from the repository root');
    return new URL(value);
}
/** A fresh, empty database of its own for one test file: `<base>_<name>`. */
export async function createTestDatabase(name) {
    const url = baseUrl();
    const database = `${url.pathname.slice(1)}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
    const admin = new URL(url.toString());
    admin.pathname = '/';
    const connection = await createConnection(admin.toString());
    try {
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
    finally {
        await connection.end();
    }
    url.pathname = `/${database}`;
    return url.toString();
}
export async function migratedDataSource(name) {
    return openDataSource(await createTestDatabase(name), { migrate: true, poolSize: 4 });
}
export async function startTestApp(name, { env = {}, listen = false } = {}) {
    const config = loadConfig({
        DATABASE_URL: await createTestDatabase(name),
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
    }
    else {
        await app.init();
        await app.getHttpAdapter().getInstance().ready();
    }
    // Closing a queue whose Redis connections are still being opened fails ("Connection is closed").
    await Promise.all(Object.values(QueueName).map((name) => app.get(getQueueToken(name)).isReady()));
    const dataSource = app.get(getDataSourceToken());
    // Bull rejects a blocking read cut short by its own shutdown with "Connection is closed"; that is the
    // close succeeding, not a failure of the code under test.
    const close = () => app.close().catch((error) => {
        if (!/Connection is closed/.test(error.message))
            throw error;
    });
    return { app, config, dataSource, url, close };
}
/** One JSON request through Fastify's inject (no socket). */
export async function call(app, method, url, { token, body, headers = {} } = {}) {
    const response = await app.inject({
        method: method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let parsed = response.body;
    try {
        parsed = JSON.parse(response.body);
    }
    catch {
        /* not JSON: keep the text */
    }
    return { status: response.statusCode, body: parsed };
}
export async function login(app, username, password = 'demo1234') {
    const answer = await call(app, 'POST', '/api/auth/login', { body: { username, password } });
    if (answer.status !== 200)
        throw new Error(`login ${username} failed: ${JSON.stringify(answer.body)}`);
    return answer.body.token;
}
