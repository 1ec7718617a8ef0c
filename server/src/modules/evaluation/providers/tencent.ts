import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createRequire } from 'node:module';
import type { SmsConfig, SmsProviderConfig } from '../../../infra/config/config.js';
import { tencentIsPermanent, transportFailure, type OutgoingSms, type SendOutcome, type SmsProvider } from './sms-provider.js';

const require = createRequire(import.meta.url);
const tencent = require('tencentcloud-sdk-nodejs-sms') as typeof import('tencentcloud-sdk-nodejs-sms');

type TencentConfig = Extract<SmsProviderConfig, { kind: 'tencent' }>;

/**
 * Tencent Cloud SMS (API 3.0, 2021-01-11) through the official SDK. Each message is its own
 * `SendSms`: one request may carry many numbers but only one set of variables.
 */
export class TencentSmsProvider implements SmsProvider {
  readonly name = 'tencent' as const;
  readonly maxBatch = 100;
  private readonly client: InstanceType<typeof tencent.sms.v20210111.Client>;
  private readonly agent: HttpAgent;

  constructor(private readonly provider: TencentConfig, private readonly sms: SmsConfig) {
    this.agent = provider.endpoint.protocol === 'http' ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
    this.client = new tencent.sms.v20210111.Client({
      credential: { secretId: provider.secretId, secretKey: provider.secretKey },
      region: provider.region,
      profile: {
        httpProfile: { endpoint: provider.endpoint.host, protocol: `${provider.endpoint.protocol}://`, reqTimeout: sms.timeoutMs / 1000, agent: this.agent },
      },
    });
  }

  send(batch: OutgoingSms[]): Promise<SendOutcome[]> {
    return Promise.all(batch.map((message) => this.sendOne(message)));
  }

  private async sendOne(message: OutgoingSms): Promise<SendOutcome> {
    try {
      const response = await this.client.SendSms({
        PhoneNumberSet: [`+86${message.phone}`],
        SmsSdkAppId: this.provider.sdkAppId,
        SignName: this.sms.signName,
        TemplateId: message.templateId,
        TemplateParamSet: message.positional,
        SessionContext: message.messageId,
      });
      const status = response.SendStatusSet?.[0];
      if (status?.Code === 'Ok' && status.SerialNo) return { ok: true, providerMessageId: status.SerialNo };
      const code = status?.Code || 'NO_STATUS';
      return { ok: false, permanent: tencentIsPermanent(code), code: code.slice(0, 64), message: (status?.Message ?? '').slice(0, 300) };
    } catch (error) {
      // API errors carry Response.Error.Code; HTTP and transport failures only a status or message.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code && tencentIsPermanent(code)) {
        return { ok: false, permanent: true, code: code.slice(0, 64), message: ((error as Error).message ?? '').slice(0, 300) };
      }
      return transportFailure(error);
    }
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}
