import { Inject, Injectable } from '@nestjs/common';
import { type EnterpriseDto, type IndustryCount, type Page, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { Transactions } from '../../infra/database/tx.js';
import type { ListQueryDto } from './dto/registry.dto.js';
import type { Enterprise } from './enterprise.entity.js';
import { EnterpriseRepository } from './enterprise.repository.js';
import { conflict, found, RegisterEdits } from './register-edits.js';

/** Industries listed at most; a city's register has a few dozen. */
const MOST_INDUSTRIES = 500;

/** The city's enterprise register: every role reads it, supervisors keep it; phones encrypted, masked in answers. */
@Injectable()
export class EnterprisesService {
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(RegisterEdits) private readonly edits: RegisterEdits,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  async list(query: ListQueryDto): Promise<Page<EnterpriseDto>> {
    const { rows, total } = await this.enterprises.list({ q: query.q }, query);
    return { items: rows.map((e) => this.toDto(e)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The industries enterprises are registered under: what a joint-supervision scenario can name. */
  industries(): Promise<IndustryCount[]> {
    return this.enterprises.industries(MOST_INDUSTRIES);
  }

  async get(creditCode: string): Promise<EnterpriseDto> {
    return this.toDto(found(await this.enterprises.find({ creditCode }), '企业'));
  }

  create(user: SessionUser, input: Omit<EnterpriseDto, 'phone' | 'lowTouch'> & { phone?: string | null; lowTouch?: boolean }): Promise<EnterpriseDto> {
    return this.transactions.run(async (tx) => {
      if (await this.enterprises.exists({ creditCode: input.creditCode }, tx)) throw conflict(`企业 ${input.creditCode} 已登记`);
      const { phone, ...rest } = input;
      const row = { ...rest, lowTouch: input.lowTouch ?? false };
      await this.enterprises.insert({ ...row, phoneCipher: this.phones.encrypt(phone) }, tx);
      await this.edits.created(user, 'enterprise', input.creditCode, { ...row, phone }, tx);
      return this.toDto(found(await this.enterprises.find({ creditCode: input.creditCode }, tx), '企业'));
    });
  }

  update(user: SessionUser, creditCode: string, patch: Partial<Omit<EnterpriseDto, 'creditCode'>>): Promise<EnterpriseDto> {
    return this.transactions.run(async (tx) => {
      const enterprise = found(await this.enterprises.find({ creditCode }, tx, { forUpdate: true }), '企业');
      const before = { ...enterprise, phone: this.phones.comparable(enterprise.phoneCipher) };
      const after = { ...before, ...patch, phone: patch.phone === undefined ? before.phone : patch.phone };
      // A phone not in the patch keeps its ciphertext: an unreadable one is not lost by changing the grade.
      const phoneCipher = patch.phone === undefined ? enterprise.phoneCipher : this.phones.encrypt(patch.phone);
      await this.edits.updated(user, 'enterprise', creditCode, before, after, () =>
        this.enterprises.update(
          { creditCode },
          { name: after.name, industry: after.industry, region: after.region, creditGrade: after.creditGrade, lowTouch: after.lowTouch, phoneCipher },
          tx,
        ), tx);
      return this.toDto(found(await this.enterprises.find({ creditCode }, tx), '企业'));
    });
  }

  history(creditCode: string) {
    return this.get(creditCode).then(() => this.edits.read('enterprise', creditCode));
  }

  private toDto(e: Enterprise): EnterpriseDto {
    return {
      creditCode: e.creditCode,
      name: e.name,
      industry: e.industry,
      region: e.region,
      phone: this.phones.masked(e.phoneCipher),
      creditGrade: e.creditGrade as EnterpriseDto['creditGrade'],
      lowTouch: e.lowTouch,
    };
  }
}
