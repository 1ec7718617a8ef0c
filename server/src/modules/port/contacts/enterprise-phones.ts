import { Inject, Injectable } from '@nestjs/common';
import { maskPhone } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import type { Tx } from '../../../infra/database/tx.js';
import { EnterpriseRepository } from '../../registry/index.js';
import { EnterpriseContactRepository } from '../enterprise-contact.repository.js';

/** What a phone is to an enterprise: the register's phone (the legal representative's) or a contact's. */
export interface PhoneStanding {
  creditCode: string;
  enterpriseName: string;
  representative: boolean;
  /** Masked. */
  phone: string;
  /** The contact's id; null for the register's phone. */
  contactId: string | null;
  phoneIndex: string;
  /** The phone as stored (the register's or the contact's ciphertext). */
  phoneCipher: string;
}

/**
 * Which phones may act for an enterprise: the register's (`enterprises.phone_cipher`, edited in the
 * register only) and the contacts its legal representative added. Phones are compared by their blind
 * index; the register's phone is decrypted to compute its own.
 */
@Injectable()
export class EnterprisePhones {
  readonly cipher: PhoneCipher;

  constructor(
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(EnterpriseContactRepository) private readonly contacts: EnterpriseContactRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = new PhoneCipher(config.phoneKeys);
  }

  index(phone: string): string {
    return this.cipher.index(phone)!;
  }

  /** The enterprise's name and the blind index of its register's phone (null when none is on file or it cannot be read). */
  async register(creditCode: string, tx?: Tx): Promise<{ name: string; phoneIndex: string | null; phone: string | null; phoneCipher: string | null } | null> {
    const enterprise = (await this.enterprises.byCodes([creditCode], tx)).get(creditCode);
    if (!enterprise) return null;
    const phone = this.cipher.decrypt(enterprise.phoneCipher);
    return { name: enterprise.name, phoneIndex: this.cipher.index(phone), phone: maskPhone(phone), phoneCipher: enterprise.phoneCipher };
  }

  /** The register's phone in clear, to send it a message; null when none is on file or it cannot be read. */
  async registerPhone(creditCode: string): Promise<string | null> {
    const enterprise = (await this.enterprises.byCodes([creditCode])).get(creditCode);
    return this.cipher.decrypt(enterprise?.phoneCipher ?? null);
  }

  /** What the phone of this blind index is to the enterprise; null when it may not act for it. */
  async standing(creditCode: string, phoneIndex: string, tx?: Tx): Promise<PhoneStanding | null> {
    const register = await this.register(creditCode, tx);
    if (!register) return null;
    if (register.phoneIndex === phoneIndex) {
      return { creditCode, enterpriseName: register.name, representative: true, phone: register.phone!, contactId: null, phoneIndex, phoneCipher: register.phoneCipher! };
    }
    const contact = await this.contacts.byPhone(creditCode, phoneIndex, tx);
    if (!contact) return null;
    return {
      creditCode, enterpriseName: register.name, representative: false, phone: this.cipher.masked(contact.phoneCipher) ?? '', contactId: contact.id, phoneIndex, phoneCipher: contact.phoneCipher,
    };
  }
}
