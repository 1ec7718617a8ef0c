import { createRequire } from 'node:module';
import type { SmsConfig, SmsProviderConfig } from '../../../infra/config/config.js';
import { aliyunIsPermanent, transportFailure, type OutgoingSms, type SendOutcome, type SentLookup, type SmsProvider } from './sms-provider.js';

const require = createRequire(import.meta.url);
// CommonJS packages whose `default` export is the client: loaded with require so ESM interop cannot move it.
const dysms = require('@alicloud/dysmsapi20170525') as typeof import('@alicloud/dysmsapi20170525');
const openapi = require('@alicloud/openapi-core') as typeof import('@alicloud/openapi-core');

type AliyunConfig = Extract<SmsProviderConfig, { kind: 'aliyun' }>;

/**
 * Aliyun SMS (dysmsapi 2017-05-25) through the official SDK: `SendSms` for one message,
 * `SendBatchSms` for up to 100 sharing a template (each with its own variables).
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun' as const;
  readonly maxBatch = 100;
  private readonly client: InstanceType<typeof dysms.default>;

  constructor(provider: AliyunConfig, private readonly sms: SmsConfig) {
    this.client = new dysms.default(new openapi.$OpenApiUtil.Config({
      accessKeyId: provider.accessKeyId,
      accessKeySecret: provider.accessKeySecret,
      endpoint: provider.endpoint.host,
      protocol: provider.endpoint.protocol,
      regionId: 'cn-hangzhou',
      readTimeout: sms.timeoutMs,
      connectTimeout: sms.timeoutMs,
    }));
  }

  async send(batch: OutgoingSms[]): Promise<SendOutcome[]> {
    const byTemplate = new Map<string, number[]>();
    batch.forEach((message, i) => byTemplate.set(message.templateId, [...(byTemplate.get(message.templateId) ?? []), i]));
    const outcomes: SendOutcome[] = new Array(batch.length);
    await Promise.all([...byTemplate.values()].map(async (indexes) => {
      const group = indexes.map((i) => batch[i]);
      const results = group.length === 1 ? [await this.sendOne(group[0])] : await this.sendMany(group);
      indexes.forEach((index, k) => (outcomes[index] = results[k]));
    }));
    return outcomes;
  }

  /**
   * Whether Aliyun sent this message, from its send records of the phone (QuerySendDetails) for today
   * and, just after midnight, yesterday (Asia/Shanghai): one of this template carrying our message id
   * (OutId, single sends) or the message's own link or code (batch sends carry no OutId).
   */
  async findSent(message: OutgoingSms): Promise<SentLookup> {
    const credential = message.params.code ?? message.params.link;
    const now = Date.now();
    const days = [shanghaiDay(now), ...(new Date(now + 8 * 3_600_000).getUTCHours() < 1 ? [shanghaiDay(now - 86_400_000)] : [])];
    for (const sendDate of days) {
      const { body } = await this.client.querySendDetails(new dysms.QuerySendDetailsRequest({ phoneNumber: message.phone, sendDate, pageSize: 50, currentPage: 1 }));
      if (body?.code !== 'OK') throw new Error(`QuerySendDetails answered ${body?.code ?? 'nothing'}: ${body?.message ?? ''}`);
      const sent = (body.smsSendDetailDTOs?.smsSendDetailDTO ?? []).some((d) =>
        d.templateCode === message.templateId && (d.outId === message.messageId || Boolean(credential && d.content?.includes(credential))));
      if (sent) return { sent: true, providerMessageId: null };
    }
    return { sent: false };
  }

  private async sendOne(message: OutgoingSms): Promise<SendOutcome> {
    try {
      const { body } = await this.client.sendSms(new dysms.SendSmsRequest({
        phoneNumbers: message.phone,
        signName: this.sms.signName,
        templateCode: message.templateId,
        templateParam: JSON.stringify(message.params),
        outId: message.messageId,
      }));
      return outcome(body?.code, body?.bizId, body?.message);
    } catch (error) {
      return thrown(error);
    }
  }

  /** One request for the group; a refusal that may be one number's fault is retried message by message. */
  private async sendMany(group: OutgoingSms[]): Promise<SendOutcome[]> {
    let result: SendOutcome;
    try {
      const { body } = await this.client.sendBatchSms(new dysms.SendBatchSmsRequest({
        phoneNumberJson: JSON.stringify(group.map((m) => m.phone)),
        signNameJson: JSON.stringify(group.map(() => this.sms.signName)),
        templateCode: group[0].templateId,
        templateParamJson: JSON.stringify(group.map((m) => m.params)),
      }));
      result = outcome(body?.code, body?.bizId, body?.message);
    } catch (error) {
      result = thrown(error);
    }
    if (!result.ok && result.permanent) return Promise.all(group.map((m) => this.sendOne(m)));
    return group.map(() => result);
  }
}

/** YYYYMMDD in Asia/Shanghai, as QuerySendDetails takes the day. */
function shanghaiDay(t: number): string {
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

function outcome(code: string | undefined, bizId: string | undefined, message: string | undefined): SendOutcome {
  if (code === 'OK' && bizId) return { ok: true, providerMessageId: bizId };
  const failure = code || 'NO_CODE';
  return { ok: false, permanent: aliyunIsPermanent(failure), code: failure.slice(0, 64), message: (message ?? '').slice(0, 300) };
}

/** The SDK throws for HTTP errors (with the body's Code) and transport failures. */
function thrown(error: unknown): SendOutcome {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && aliyunIsPermanent(code)) {
    return { ok: false, permanent: true, code, message: ((error as Error).message ?? '').slice(0, 300) };
  }
  return transportFailure(error);
}
