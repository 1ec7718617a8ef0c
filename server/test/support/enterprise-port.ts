import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REDIS } from '../../src/infra/redis/redis.module.js';
import type { AcceptedSms, FakeSmsProvider } from '../evaluation-fakes.js';
import type { Answer } from './test-app.js';

/** One JSON request from a client address of the test's choosing (the port's limits count per address). */
export async function callFrom<T = any>(app: NestFastifyApplication, address: string, method: string, url: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<Answer<T> & { headers: Record<string, unknown> }> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    remoteAddress: address,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed: unknown = response.body;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    /* not JSON */
  }
  return { status: response.statusCode, body: parsed as T, headers: response.headers };
}

/** The port's SMS codes and their limits live in Redis beyond a test run: start from none. */
export async function forgetPortCodes(app: NestFastifyApplication): Promise<void> {
  const redis = app.get<Redis>(REDIS);
  for (const pattern of ['port-code*', 'port-complaints*']) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(keys);
    } while (cursor !== '0');
  }
}

/** The codes of the sign-in SMS a fake provider took for a phone, oldest first. */
export function smsCodesTo(fake: FakeSmsProvider, phone: string): string[] {
  return fake.accepted.filter((a: AcceptedSms) => a.phone === phone && a.templateId === 'SMS_SIGN_IN').map((a) => (a.params as Record<string, string>).code);
}

/** A loopback code2session: `wx-<name>` is the code of openid `openid-<name>`; anything else is refused. */
export function fakeWechat(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const code = new URL(request.url ?? '/', 'http://fake').searchParams.get('js_code') ?? '';
    response.setHeader('content-type', 'text/plain');
    response.end(JSON.stringify(code.startsWith('wx-') ? { openid: `openid-${code.slice(3)}`, session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Signs an enterprise in through the API: a code to the phone, read off the fake provider, then the sign-in. */
export async function signInEnterprise(app: NestFastifyApplication, fake: FakeSmsProvider, creditCode: string, phone: string, address = '203.0.113.50'): Promise<string> {
  const before = smsCodesTo(fake, phone).length;
  const asked = await callFrom(app, address, 'POST', '/api/enterprise/sign-in/code', { body: { creditCode, phone } });
  if (asked.status !== 200) throw new Error(`code: ${JSON.stringify(asked.body)}`);
  const codes = smsCodesTo(fake, phone);
  if (codes.length !== before + 1) throw new Error(`no code was sent to ${phone}`);
  const signed = await callFrom(app, address, 'POST', '/api/enterprise/sign-in', { body: { creditCode, phone, code: codes[codes.length - 1] } });
  if (signed.status !== 200) throw new Error(`sign-in: ${JSON.stringify(signed.body)}`);
  return signed.body.token;
}

/**
 * Signs an enterprise in through the API with the local outbox provider: the code is read from the
 * outbox as a demo user reads it (`npm run cli -- outbox`). The port's limits are forgotten first.
 */
export async function signInFromOutbox(app: NestFastifyApplication, dataSource: { query: (sql: string, params?: unknown[]) => Promise<any> }, creditCode: string, phone: string): Promise<string> {
  await forgetPortCodes(app);
  const asked = await callFrom(app, '203.0.113.60', 'POST', '/api/enterprise/sign-in/code', { body: { creditCode, phone } });
  if (asked.status !== 200) throw new Error(`code: ${JSON.stringify(asked.body)}`);
  const [sms] = await dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
  const code = /验证码为(\d{6})/.exec(sms?.text ?? '')?.[1];
  const signed = await callFrom(app, '203.0.113.60', 'POST', '/api/enterprise/sign-in', { body: { creditCode, phone, code } });
  if (signed.status !== 200) throw new Error(`sign-in: ${JSON.stringify(signed.body)}`);
  return signed.body.token;
}
