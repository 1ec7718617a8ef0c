import { Inject, Injectable } from '@nestjs/common';
import { normaliseCreditCode, BOOKLET_TEXT } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { notFound } from '../../infra/errors/domain-error.js';
import { InspectionRepository } from '../inspections/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository } from '../registry/index.js';
import { bookletContent, type BookletContent } from './booklet-content.js';
import { bookletPdf } from './booklet-pdf.js';

/** Inspections the history table lists at most (the newest); the enterprise's page has them all. */
export const BOOKLET_HISTORY_LIMIT = 100;

/**
 * 一企一册: gathers one enterprise's booklet from the registers and its inspection records, and renders
 * it. The contact phone is read masked (never decrypted into the document), so no unmasked personal data
 * leaves by this route and nothing is owed to the audit log.
 */
@Injectable()
export class ComplianceBooklet {
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  /** The booklet's content for a credit code; an enterprise not in the register is not found. */
  async content(creditCode: string, now = new Date()): Promise<BookletContent> {
    const enterprise = await this.enterprises.find({ creditCode: normaliseCreditCode(creditCode) });
    if (!enterprise) throw notFound('企业');
    const [{ total, rows }, byIndustry] = await Promise.all([
      this.inspections.pageOfEnterprise(enterprise.creditCode, 1, BOOKLET_HISTORY_LIMIT),
      this.items.mentioningIndustry(enterprise.industry),
    ]);
    const itemRows = await this.inspections.itemsOf(rows.map((r) => r.id));
    const known = new Set(byIndustry.map((i) => i.id));
    const inspectedItems = await this.items.byIds([...new Set(itemRows.map((r) => r.itemId))].filter((id) => !known.has(id)));
    const items = [...byIndustry, ...inspectedItems];
    const agencyNames = await this.agencies.namesOf([...new Set([...items.map((i) => i.agencyId), ...rows.map((r) => r.agencyId)])]);
    const itemsOf = new Map<string, string[]>();
    for (const r of itemRows) itemsOf.set(r.inspectionId, [...(itemsOf.get(r.inspectionId) ?? []), r.itemId]);
    return bookletContent({
      enterprise: { creditCode: enterprise.creditCode, name: enterprise.name, industry: enterprise.industry, region: enterprise.region, phone: this.phones.masked(enterprise.phoneCipher) },
      agencyNames,
      items,
      inspections: rows.map((r) => ({ agencyId: r.agencyId, trigger: r.trigger, startedAt: r.startedAt, result: r.result, itemIds: itemsOf.get(r.id) ?? [] })),
      totalInspections: total,
      generatedAt: now,
    });
  }

  /** The booklet as a PDF stream, with the file name to offer. */
  async pdf(creditCode: string): Promise<{ fileName: string; stream: NodeJS.ReadableStream }> {
    const content = await this.content(creditCode);
    return { fileName: BOOKLET_TEXT.fileName(content.enterpriseName), stream: bookletPdf(content) };
  }
}
