import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../../../infra/crypto/phone-keys.js';
import type { OutboxEntry, SmsOutboxRepository } from '../sms-outbox.repository.js';
import { renderSms } from '../sms-template.js';
import { OutboxSmsProvider } from './outbox.js';

const TOKEN = 'Zk3q9LmN0pQrStUvWxYz12';

describe('the local outbox provider', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps the whole message in the outbox, and logs it with the phone, link token and code masked', async () => {
    const stored: OutboxEntry[] = [];
    const logged: string[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
    const provider = new OutboxSmsProvider({ insert: async (entries: OutboxEntry[]) => void stored.push(...entries) } as unknown as SmsOutboxRepository, new PhoneCipher(singlePhoneKey(Buffer.alloc(32, 7))));
    const content = (mode: 'link' | 'code') => renderSms({
      kind: 'invite', mode, signName: '码上入企', baseUrl: 'https://ruqi.example.gov.cn', inspectionDate: '2026-03-05', agencyNames: ['市市场监督管理局'],
      token: TOKEN, code: mode === 'code' ? 'ABCD2345' : null, expiresAt: new Date('2026-03-12T16:00:00Z'),
    });
    const outcomes = await provider.send([
      { messageId: 'm1', phone: '13812345678', templateId: 'T1', ...content('link') },
      { messageId: 'm2', phone: '13812345678', templateId: 'T1', ...content('code') },
    ]);

    expect(outcomes).toEqual([{ ok: true, providerMessageId: 'outbox:m1' }, { ok: true, providerMessageId: 'outbox:m2' }]);
    expect(stored.map((e) => e.text)).toEqual([content('link').text, content('code').text]);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain(`/r/Zk3q${'*'.repeat(18)}`);
    expect(logged[1]).toContain('ABCD-****');
    for (const line of logged) {
      expect(line).toContain('138****5678');
      expect(line).not.toContain('13812345678');
      expect(line).not.toContain(TOKEN.slice(0, 5));
      expect(line).not.toContain('2345');
    }
  });
});
