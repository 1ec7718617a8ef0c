import { Inject, Injectable } from '@nestjs/common';
import { type OfficerDto, type Page, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { Transactions } from '../../infra/database/tx.js';
import { sentFields } from '../../infra/http/partial-edit.js';
import { OfficerAccounts } from '../auth/index.js';
import { assertSameAgency } from '../auth/scope.js';
import { AgencyRepository } from './agency.repository.js';
import type { OfficerListQueryDto } from './dto/registry.dto.js';
import type { Officer } from './officer.entity.js';
import { OfficerRepository } from './officer.repository.js';
import { agencyFilter, assertMayEdit, conflict, found, invalidReference, RegisterEdits } from './register-edits.js';

/** The register of officers (执法人员), phones encrypted at rest and masked in answers. */
@Injectable()
export class OfficersService {
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(RegisterEdits) private readonly edits: RegisterEdits,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OfficerAccounts) private readonly accounts: OfficerAccounts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  async list(user: SessionUser, query: OfficerListQueryDto): Promise<Page<OfficerDto>> {
    const { rows, total } = await this.officers.list({ agencyId: agencyFilter(user, query.agencyId), q: query.q, active: query.active }, query);
    return { items: rows.map((o) => this.toDto(o)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: string): Promise<OfficerDto> {
    const officer = found(await this.officers.find({ id }), '执法人员');
    assertSameAgency(user, officer.agencyId);
    return this.toDto(officer);
  }

  /** 入职登记: a new officer, on duty. */
  create(user: SessionUser, input: Omit<OfficerDto, 'phone' | 'certExpires' | 'active'> & { phone?: string | null; certExpires?: string | null }): Promise<OfficerDto> {
    assertMayEdit(user, input.agencyId);
    return this.transactions.run(async (tx) => {
      if (!(await this.agencies.exists({ id: input.agencyId }, tx))) throw invalidReference('agencyId', '执法部门不存在');
      if (await this.officers.exists({ id: input.id }, tx)) throw conflict(`执法人员 ${input.id} 已存在`);
      const { phone, certExpires = null, ...rest } = input;
      await this.officers.insert({ ...rest, certExpires, phoneCipher: this.phones.encrypt(phone) }, tx);
      await this.edits.created(user, 'officer', input.id, { ...input, certExpires }, tx);
      return this.toDto(found(await this.officers.find({ id: input.id }, tx), '执法人员'));
    });
  }

  /**
   * Edits an officer; taking one off duty (停用) also deactivates their accounts and ends their sessions,
   * putting one back on duty reactivates them (in the same transaction, recorded in the history).
   */
  async update(
    user: SessionUser, id: string, patch: { name?: string; certNo?: string; phone?: string | null; certExpires?: string | null; active?: boolean },
  ): Promise<OfficerDto> {
    const { officer, accounts } = await this.transactions.run(async (tx) => {
      const officer = found(await this.officers.find({ id }, tx, { forUpdate: true }), '执法人员');
      assertMayEdit(user, officer.agencyId);
      const before = { ...officer, phone: this.phones.comparable(officer.phoneCipher) };
      const after = { ...before, ...sentFields(patch), phone: patch.phone === undefined ? before.phone : patch.phone };
      // A phone not in the patch keeps its ciphertext: an unreadable one is not lost by renaming the officer.
      const phoneCipher = patch.phone === undefined ? officer.phoneCipher : this.phones.encrypt(patch.phone);
      await this.edits.updated(user, 'officer', id, before, after, () =>
        this.officers.update({ id }, { name: after.name, certNo: after.certNo, certExpires: after.certExpires, active: after.active, phoneCipher }, tx), tx);
      const accounts = after.active !== before.active ? await this.accounts.setActive(id, after.active, tx) : [];
      return { officer: this.toDto(found(await this.officers.find({ id }, tx), '执法人员')), accounts };
    });
    await this.accounts.committed(accounts);
    return officer;
  }

  history(user: SessionUser, id: string) {
    return this.get(user, id).then(() => this.edits.read('officer', id));
  }

  private toDto(officer: Officer): OfficerDto {
    return {
      id: officer.id, agencyId: officer.agencyId, name: officer.name, certNo: officer.certNo, phone: this.phones.masked(officer.phoneCipher), certExpires: officer.certExpires,
      active: officer.active,
    };
  }
}
