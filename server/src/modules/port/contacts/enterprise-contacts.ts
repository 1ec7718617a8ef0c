import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, maskPhone, REPRESENTATIVE_TITLE, type EnterpriseContactView } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { EnterpriseSessions, type SignedInEnterprise } from '../../auth/index.js';
import { EnterpriseContactRepository } from '../enterprise-contact.repository.js';
import { EnterpriseSignIn } from '../sign-in/enterprise-sign-in.js';
import { EnterprisePhones } from './enterprise-phones.js';

/** Most contacts an enterprise may add besides the register's phone. */
export const MAX_CONTACTS = 20;

/**
 * 企业联系人: the legal representative (signed in with the register's phone) adds and removes the phones
 * that may act for the enterprise; every contact sees the list, phones masked. Removing a contact ends
 * its sessions and unbinds its WeChat accounts at once.
 */
@Injectable()
export class EnterpriseContacts {
  private readonly logger = new Logger('EnterpriseContacts');

  constructor(
    @Inject(EnterpriseContactRepository) private readonly contacts: EnterpriseContactRepository,
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(EnterpriseSignIn) private readonly signIn: EnterpriseSignIn,
    @Inject(EnterpriseSessions) private readonly sessions: EnterpriseSessions,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async list(enterprise: SignedInEnterprise): Promise<EnterpriseContactView[]> {
    const me = await this.signIn.standingOf(enterprise);
    const register = await this.phones.register(enterprise.creditCode);
    const contacts = await this.contacts.ofEnterprise(enterprise.creditCode);
    return [
      ...(register?.phone ? [{ id: null, phone: register.phone, title: REPRESENTATIVE_TITLE, representative: true, addedAt: null, you: me.representative }] : []),
      ...contacts.map((c) => ({
        id: c.id, phone: this.phones.cipher.masked(c.phoneCipher) ?? '', title: c.title, representative: false, addedAt: c.addedAt.toISOString(), you: c.id === me.contactId,
      })),
    ];
  }

  async add(enterprise: SignedInEnterprise, phone: string, title: string): Promise<EnterpriseContactView[]> {
    await this.representativeOnly(enterprise);
    const phoneIndex = this.phones.index(phone);
    const register = await this.phones.register(enterprise.creditCode);
    if (register?.phoneIndex === phoneIndex) throw new DomainError(ErrorCode.Conflict, '这是企业登记的手机号，无需添加');
    const at = new Date();
    await this.transactions.run(async (tx) => {
      if ((await this.contacts.ofEnterprise(enterprise.creditCode, tx)).length >= MAX_CONTACTS) {
        throw new DomainError(ErrorCode.Conflict, `联系人最多${MAX_CONTACTS}个，请先移除不再需要的联系人`);
      }
      const added = await this.contacts.insert({
        id: randomUUID(), creditCode: enterprise.creditCode, phoneCipher: this.phones.cipher.encrypt(phone)!, phoneIndex, title: title.trim(), addedAt: at,
      }, tx);
      if (!added) throw new DomainError(ErrorCode.Conflict, '该手机号已是本企业的联系人');
      await this.contacts.insertEvent({ creditCode: enterprise.creditCode, kind: 'contact-added', detail: { phone: maskPhone(phone), title: title.trim() }, at }, tx);
    });
    this.logger.log(`enterprise ${enterprise.creditCode}: contact ${maskPhone(phone)} added`);
    return this.list(enterprise);
  }

  async remove(enterprise: SignedInEnterprise, id: string): Promise<EnterpriseContactView[]> {
    await this.representativeOnly(enterprise);
    const removed = await this.transactions.run(async (tx) => {
      const contact = await this.contacts.lockOne(enterprise.creditCode, id, tx);
      if (!contact) throw notFound('联系人');
      const at = new Date();
      await this.contacts.remove(contact.id, tx);
      await this.contacts.unbindPhone(enterprise.creditCode, contact.phoneIndex, tx);
      await this.sessions.endAllOf(enterprise.creditCode, contact.phoneIndex, 'contact-removed', tx);
      const phone = this.phones.cipher.masked(contact.phoneCipher);
      await this.contacts.insertEvent({ creditCode: enterprise.creditCode, kind: 'contact-removed', detail: { phone, title: contact.title }, at }, tx);
      return phone;
    });
    await this.sessions.changed(enterprise.creditCode);
    this.logger.log(`enterprise ${enterprise.creditCode}: contact ${removed} removed`);
    return this.list(enterprise);
  }

  private async representativeOnly(enterprise: SignedInEnterprise): Promise<void> {
    const me = await this.signIn.standingOf(enterprise);
    if (!me.representative) throw forbidden('只有使用企业登记手机号（法定代表人）登录时才能添加或移除联系人');
  }
}
