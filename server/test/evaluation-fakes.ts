/**
 * Loopback fakes of the SMS providers' HTTP APIs, for tests and the benchmark: they speak the wire
 * format the official SDKs send and expect (signatures are not checked). Each fake keeps what it
 * accepted, can be told how to answer the next requests (an error code, HTTP 500, no answer at
 * all), and can post delivery receipts back in its provider's callback format.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type FakeKind = 'aliyun' | 'tencent';

/**
 * How to answer one request: accept, refuse with a provider code, fail with HTTP 500, never answer
 * (the provider never took it), or take the message and answer only after `lateAnswerMs` (the
 * answer is lost to the client's timeout, the SMS is sent all the same).
 */
export type FakeAnswer = 'ok' | 'http500' | 'hang' | 'late' | { code: string };

export interface AcceptedSms {
  /** Aliyun BizId (shared by a batch) or Tencent SerialNo. */
  providerMessageId: string;
  /** As the provider got it (Tencent: +86…). */
  phone: string;
  templateId: string;
  signName: string;
  /** Aliyun: the TemplateParam object; Tencent: TemplateParamSet. */
  params: Record<string, string> | string[];
  /** Our message id when the API carries one (Aliyun OutId on single sends, Tencent SessionContext). */
  messageId: string | null;
}

export class FakeSmsProvider {
  readonly accepted: AcceptedSms[] = [];
  /** Every request that reached the fake, answered or not. */
  requests = 0;
  /** How the requests were answered: accepted, refused with a code, HTTP 500, never, late. */
  readonly answered = { ok: 0, code: 0, http500: 0, hang: 0, late: 0 };
  private readonly answers: FakeAnswer[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private serial = 0;
  url = '';
  /** How long a 'late' answer takes. */
  lateAnswerMs = 15_000;

  constructor(readonly kind: FakeKind) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on `port` (any free one by default); after close(), start again on the same port to come back. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  /** The next requests are answered like this, in order; afterwards every request is accepted. */
  answerNext(...answers: FakeAnswer[]): void {
    this.answers.push(...answers);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Posts a delivery receipt for each accepted message to `callbackUrl`, in the provider's format. */
  async sendReceipts(callbackUrl: string, delivered = true): Promise<number> {
    const body = this.kind === 'aliyun'
      ? this.accepted.map((a) => ({
        phone_number: a.phone, send_time: '2026-03-05 10:00:00', report_time: '2026-03-05 10:00:05', success: delivered,
        err_code: delivered ? 'DELIVERED' : 'MK:0001', err_msg: delivered ? '用户接收成功' : '空号', sms_size: '1', biz_id: a.providerMessageId, out_id: a.messageId ?? '',
      }))
      : this.accepted.map((a) => ({
        user_receive_time: '2026-03-05 10:00:05', nationcode: '86', mobile: a.phone.replace(/^\+86/, ''), report_status: delivered ? 'SUCCESS' : 'FAIL',
        errmsg: delivered ? 'DELIVRD' : 'MK:0001', description: delivered ? '用户短信送达成功' : '空号', sid: a.providerMessageId,
      }));
    const response = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`receipt callback answered ${response.status}: ${await response.text()}`);
    return body.length;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    this.requests += 1;
    const answer = this.answers.shift() ?? 'ok';
    this.answered[typeof answer === 'string' ? answer : 'code'] += 1;
    // A request never answered is one the provider never took: the client times out and retries.
    if (answer === 'hang') return;
    if (answer === 'http500') {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(this.kind === 'aliyun'
        ? { Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.', RequestId: 'fake' }
        : { Response: { Error: { Code: 'InternalError', Message: 'internal error' }, RequestId: 'fake' } }));
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const taken = answer === 'late' ? 'ok' : answer;
    const reply = this.kind === 'aliyun' ? this.aliyun(request, body, taken) : this.tencent(request, body, taken);
    if (answer === 'late') await new Promise((resolve) => setTimeout(resolve, this.lateAnswerMs));
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply));
  }

  /** RPC style: the action in `x-acs-action` (or `Action`), SendSms's fields in the query, SendBatchSms's lists in the form body. */
  private aliyun(request: IncomingMessage, body: string, answer: 'ok' | { code: string }): Record<string, unknown> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const action = request.headers['x-acs-action'] ?? url.searchParams.get('Action');
    const field = (name: string) => url.searchParams.get(name) ?? new URLSearchParams(body).get(name) ?? '';
    const requestId = `fake-${++this.serial}`;
    if (answer !== 'ok') return { Code: answer.code, Message: `refused: ${answer.code}`, RequestId: requestId };
    const bizId = `biz-${this.serial}`;
    if (action === 'SendSms') {
      this.accepted.push({ providerMessageId: bizId, phone: field('PhoneNumbers'), templateId: field('TemplateCode'), signName: field('SignName'), params: JSON.parse(field('TemplateParam') || '{}'), messageId: field('OutId') || null });
    } else if (action === 'SendBatchSms') {
      const phones: string[] = JSON.parse(field('PhoneNumberJson') || '[]');
      const signs: string[] = JSON.parse(field('SignNameJson') || '[]');
      const params: Record<string, string>[] = JSON.parse(field('TemplateParamJson') || '[]');
      if (phones.length !== params.length || phones.length !== signs.length) return { Code: 'isv.INVALID_PARAMETERS', Message: 'lists differ in length', RequestId: requestId };
      phones.forEach((phone, i) => this.accepted.push({ providerMessageId: bizId, phone, templateId: field('TemplateCode'), signName: signs[i], params: params[i], messageId: null }));
    } else if (action === 'QuerySendDetails') {
      // The phone's sends, as delivered: the signature and the template's variables in the text.
      const sent = this.accepted.filter((a) => a.phone === field('PhoneNumber')).map((a) => ({
        PhoneNum: a.phone, SendStatus: 3, ErrCode: 'DELIVERED', TemplateCode: a.templateId, OutId: a.messageId ?? '',
        Content: `【${a.signName}】${Object.values(a.params).join(' ')}`, SendDate: '2026-03-05 10:00:00', ReceiveDate: '2026-03-05 10:00:05',
      }));
      return { Code: 'OK', Message: 'OK', RequestId: requestId, TotalCount: String(sent.length), SmsSendDetailDTOs: { SmsSendDetailDTO: sent } };
    } else {
      return { Code: 'InvalidAction.NotFound', Message: `unknown action ${String(action)}`, RequestId: requestId };
    }
    return { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: requestId };
  }

  /** API 3.0: JSON body, the action in `X-TC-Action`, answers wrapped in `Response`. */
  private tencent(request: IncomingMessage, body: string, answer: 'ok' | { code: string }): Record<string, unknown> {
    const action = request.headers['x-tc-action'];
    const requestId = `fake-${++this.serial}`;
    if (action !== 'SendSms') return { Response: { Error: { Code: 'InvalidAction', Message: `unknown action ${String(action)}` }, RequestId: requestId } };
    const input = JSON.parse(body) as { PhoneNumberSet: string[]; SmsSdkAppId: string; SignName: string; TemplateId: string; TemplateParamSet?: string[]; SessionContext?: string };
    const statuses = input.PhoneNumberSet.map((phone, i) => {
      const serialNo = `serial-${this.serial}-${i}`;
      if (answer !== 'ok') return { SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: input.SessionContext ?? '', Code: answer.code, Message: `refused: ${answer.code}`, IsoCode: 'CN' };
      this.accepted.push({ providerMessageId: serialNo, phone, templateId: input.TemplateId, signName: input.SignName, params: input.TemplateParamSet ?? [], messageId: input.SessionContext || null });
      return { SerialNo: serialNo, PhoneNumber: phone, Fee: 1, SessionContext: input.SessionContext ?? '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' };
    });
    return { Response: { SendStatusSet: statuses, RequestId: requestId } };
  }
}

/** The token the fake's delivery receipts carry (`?token=`), as the provider's console is configured with it. */
export const CALLBACK_TOKEN = 'test-callback-token-0001';

/** The app's settings for sending through the Aliyun SDK to a fake at `url`. */
export function aliyunEnv(url: string): Record<string, string> {
  return {
    SMS_PROVIDER: 'aliyun',
    SMS_CALLBACK_TOKEN: CALLBACK_TOKEN,
    ALIYUN_SMS_ACCESS_KEY_ID: 'test-key-id',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'test-key-secret',
    ALIYUN_SMS_ENDPOINT: url,
    SMS_SIGN_NAME: '码上入企',
    SMS_TEMPLATE_INVITE: 'SMS_INVITE',
    SMS_TEMPLATE_REMINDER: 'SMS_REMIND',
    SMS_TEMPLATE_PENALTY_NOTICE: 'SMS_PENALTY',
    SMS_TEMPLATE_SIGN_IN: 'SMS_SIGN_IN',
    SMS_TEMPLATE_COMPLAINT_OUTCOME: 'SMS_COMPLAINT_OUTCOME',
    SMS_TEMPLATE_INSPECTION_NOTICE: 'SMS_INSPECTION_NOTICE',
  };
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000, what = 'condition'): Promise<Exclude<T, 0 | '' | false | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, 0 | '' | false | null | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
