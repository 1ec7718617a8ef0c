import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../src/infra/config/config.js';

const BASE = {
  DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  PHONE_ENCRYPTION_KEY: 'a'.repeat(64),
  H5_DIR: '',
};
const CALLBACK_TOKEN = 'receipt-token-0123456789';
/** The enterprise port's templates, required with a real provider too. */
const PORT_TEMPLATES = { SMS_TEMPLATE_SIGN_IN: 'SMS_3', SMS_TEMPLATE_COMPLAINT_OUTCOME: 'SMS_4', SMS_TEMPLATE_INSPECTION_NOTICE: 'SMS_5' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('SMS evaluation configuration', () => {
  it('starts the fault test\'s instances: their SMS settings carry every template the server requires', async () => {
    const { faultSmsEnv } = (await import(pathToFileURL(join(process.cwd(), '..', 'deploy', 'cluster', 'fault', 'sms-env.mjs')).href)) as { faultSmsEnv(port: number): Record<string, string> };
    expect(problems(faultSmsEnv(4567))).toEqual([]);
  });


  it('runs locally on the outbox provider in link mode, 7-day links, a reminder after 3 days', () => {
    const { evaluation } = loadConfig(BASE);
    expect(evaluation).toMatchObject({ linkTtlSeconds: 7 * 86400, reminderDelaySeconds: 3 * 86400 });
    expect(evaluation.sms).toMatchObject({ provider: { kind: 'outbox' }, mode: 'link', timeoutMs: 10_000, maxAttempts: 8, retryDelayMs: 30_000, ratePerSecond: 100, callbackToken: null });
  });

  it('takes a real provider\'s keys, and a loopback http endpoint for tests', () => {
    const { evaluation } = loadConfig({
      ...BASE, SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'id', ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret', ALIYUN_SMS_ENDPOINT: 'http://127.0.0.1:4567',
      SMS_SIGN_NAME: '码上入企', SMS_TEMPLATE_INVITE: 'SMS_1', SMS_TEMPLATE_REMINDER: 'SMS_2', SMS_TEMPLATE_PENALTY_NOTICE: 'SMS_3', SMS_TIMEOUT: '500ms', RATING_REMINDER_DELAY: 'off', SMS_CALLBACK_TOKEN: CALLBACK_TOKEN, ...PORT_TEMPLATES,
    });
    expect(evaluation.sms.provider).toEqual({ kind: 'aliyun', accessKeyId: 'id', accessKeySecret: 'secret', endpoint: { protocol: 'http', host: '127.0.0.1:4567' } });
    expect(evaluation.sms.timeoutMs).toBe(500);
    expect(evaluation.sms.penaltyNoticeTemplate).toBe('SMS_3');
    expect(evaluation.reminderDelaySeconds).toBeNull();
    expect(loadConfig({ ...BASE, SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'i', TENCENT_SMS_SECRET_KEY: 'k', TENCENT_SMS_SDK_APP_ID: '1400', SMS_SIGN_NAME: 's', SMS_TEMPLATE_INVITE: '1', SMS_TEMPLATE_REMINDER: '2', SMS_TEMPLATE_PENALTY_NOTICE: '3', SMS_CALLBACK_TOKEN: CALLBACK_TOKEN, ...PORT_TEMPLATES })
      .evaluation.sms).toMatchObject({ mode: 'code', provider: { kind: 'tencent', region: 'ap-guangzhou', endpoint: { protocol: 'https', host: 'sms.tencentcloudapi.com' } } });
  });

  it('lists every problem at start-up instead of guessing', () => {
    expect(problems({ SMS_PROVIDER: 'aliyun' })).toEqual([
      'ALIYUN_SMS_ACCESS_KEY_ID: required for SMS_PROVIDER=aliyun',
      'ALIYUN_SMS_ACCESS_KEY_SECRET: required for SMS_PROVIDER=aliyun',
      'SMS_SIGN_NAME: required for SMS_PROVIDER=aliyun',
      'SMS_TEMPLATE_INVITE: required for SMS_PROVIDER=aliyun',
      'SMS_TEMPLATE_REMINDER: required for SMS_PROVIDER=aliyun',
      'SMS_TEMPLATE_PENALTY_NOTICE: required for SMS_PROVIDER=aliyun',
      'SMS_CALLBACK_TOKEN: required for SMS_PROVIDER=aliyun (delivery receipts are accepted only with ?token=<it> in the callback address)',
      'SMS_TEMPLATE_SIGN_IN: required for SMS_PROVIDER=aliyun',
      'SMS_TEMPLATE_COMPLAINT_OUTCOME: required for SMS_PROVIDER=aliyun',
      'SMS_TEMPLATE_INSPECTION_NOTICE: required for SMS_PROVIDER=aliyun',
    ]);
    expect(problems({ SMS_PROVIDER: 'tencent', SMS_MODE: 'link', TENCENT_SMS_SECRET_ID: 'i', TENCENT_SMS_SECRET_KEY: 'k', TENCENT_SMS_SDK_APP_ID: '1', SMS_SIGN_NAME: 's', SMS_TEMPLATE_INVITE: '1', SMS_TEMPLATE_REMINDER: '2', SMS_TEMPLATE_PENALTY_NOTICE: '3', SMS_CALLBACK_TOKEN: CALLBACK_TOKEN, ...PORT_TEMPLATES }))
      .toEqual(['SMS_MODE: Tencent Cloud SMS forbids links in template variables; use code']);
    expect(problems({ SMS_PROVIDER: 'yunpian', SMS_TIMEOUT: 'soon', RATING_LINK_TTL: '0', SMS_RATE_LIMIT: '0', ALIYUN_SMS_ENDPOINT: 'http://x/path' })).toEqual([
      'SMS_PROVIDER: must be outbox, aliyun or tencent',
      'SMS_TIMEOUT: must be a duration of at least 100 ms, like 10s or 500ms',
      'SMS_RATE_LIMIT: must be an integer 1–1000000',
      'RATING_LINK_TTL: must be a duration like 7d or 48h',
    ]);
  });

  it('will not start a real provider without a delivery-receipt token, nor with a guessable one; the outbox needs none', () => {
    const tencent = { SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'i', TENCENT_SMS_SECRET_KEY: 'k', TENCENT_SMS_SDK_APP_ID: '1400', SMS_SIGN_NAME: 's', SMS_TEMPLATE_INVITE: '1', SMS_TEMPLATE_REMINDER: '2', SMS_TEMPLATE_PENALTY_NOTICE: '3', ...PORT_TEMPLATES };
    expect(problems(tencent)).toEqual(['SMS_CALLBACK_TOKEN: required for SMS_PROVIDER=tencent (delivery receipts are accepted only with ?token=<it> in the callback address)']);
    const unguessable = 'SMS_CALLBACK_TOKEN: must be at least 16 characters, letters, digits and - _ . ~ (it goes in the callback address)';
    expect(problems({ ...tencent, SMS_CALLBACK_TOKEN: 'secret' })).toEqual([unguessable]);
    expect(problems({ ...tencent, SMS_CALLBACK_TOKEN: 'a token with spaces in it' })).toEqual([unguessable]);
    expect(loadConfig({ ...BASE, ...tencent, SMS_CALLBACK_TOKEN: CALLBACK_TOKEN }).evaluation.sms.callbackToken).toBe(CALLBACK_TOKEN);
    expect(loadConfig(BASE).evaluation.sms.callbackToken).toBeNull();
    expect(problems({ SMS_CALLBACK_TOKEN: 'short' })).toEqual([unguessable]);
  });
});
