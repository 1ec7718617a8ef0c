import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RESOURCES, REGISTER_LABELS, userActor, type Page, type RegisterKind, type SessionUser } from '@mashang/shared';
import { workbook } from '../../../infra/excel/workbook.js';
import { AuditLog } from '../../audit/index.js';
import { AgenciesService } from '../agencies.service.js';
import { AgencyRepository } from '../agency.repository.js';
import type { OfficerListQueryDto } from '../dto/registry.dto.js';
import { EnterprisesService } from '../enterprises.service.js';
import { ItemsService } from '../items.service.js';
import { OfficersService } from '../officers.service.js';
import { registerTable, type RegisterEntry } from './register-table.js';

/** Rows an export holds at most; beyond, the sheet says so and a search narrows it. */
export const REGISTER_EXPORT_LIMIT = 50_000;
const BATCH = 5_000;

/** The filters that chose the rows, for the audit log (those given only). */
const given = (query: object) => Object.fromEntries(Object.entries(query).filter(([key, value]) => value !== undefined && value !== '' && key !== 'page' && key !== 'pageSize'));

/**
 * A register as Excel, with the list's search and scope (an agency admin gets its own agency's),
 * phones masked; recorded in the audit log with its rows before it is handed out.
 */
@Injectable()
export class RegisterExport {
  constructor(
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(OfficersService) private readonly officers: OfficersService,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(EnterprisesService) private readonly enterprises: EnterprisesService,
    @Inject(AgencyRepository) private readonly agencyNames: AgencyRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async workbook(user: SessionUser, register: RegisterKind, query: Omit<OfficerListQueryDto, 'page' | 'pageSize'>, address: string | null): Promise<{ title: string; file: Buffer }> {
    const entries: RegisterEntry[] = [];
    let cut = false;
    for (let page = 1; ; page++) {
      const { items, total } = await this.page(user, register, { ...query, page, pageSize: BATCH });
      entries.push(...items);
      if (entries.length >= REGISTER_EXPORT_LIMIT) {
        cut = total > REGISTER_EXPORT_LIMIT;
        entries.length = REGISTER_EXPORT_LIMIT;
        break;
      }
      if (items.length < BATCH) break;
    }
    const names = await this.agencyNames.namesOf(entries.flatMap((e) => ('agencyId' in e ? [e.agencyId] : [])));
    const title = REGISTER_LABELS[register];
    const file = await workbook(title, registerTable(register, entries, names), cut ? `仅导出前 ${REGISTER_EXPORT_LIMIT} 条，请用搜索缩小范围` : undefined);
    await this.audit.record({ actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.register(register), filter: given(query), purpose: null, rows: entries.length, address });
    return { title, file };
  }

  private page(user: SessionUser, register: RegisterKind, query: OfficerListQueryDto): Promise<Page<RegisterEntry>> {
    switch (register) {
      case 'agencies':
        return this.agencies.list(user, query);
      case 'officers':
        return this.officers.list(user, query);
      case 'items':
        return this.items.list(user, query);
      case 'enterprises':
        return this.enterprises.list(query);
    }
  }
}
