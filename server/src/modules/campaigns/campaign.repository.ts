import { Injectable } from '@nestjs/common';
import type { CampaignFilter } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { Paging } from '../../infra/database/entity-table.js';

/** A campaign as stored: `status` is never `closed` (that is read from the period). */
export interface StoredCampaign {
  id: string;
  name: string;
  summary: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
  ownerAgencyId: string | null;
  industries: string[];
  regionPrefixes: string[];
  itemIds: string[];
  agencyIds: string[];
  periodFrom: string;
  periodTo: string;
  decisionNote: string | null;
  createdAt: Date;
  createdBy: string;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishDue: string | null;
  publishedAt: Date | null;
}

/** What an edit may set. */
export type CampaignFields = Pick<StoredCampaign, 'name' | 'summary' | 'industries' | 'regionPrefixes' | 'itemIds' | 'agencyIds' | 'periodFrom' | 'periodTo'>;

/** A step of the workflow: the status and the columns it sets. */
export type CampaignStep = Partial<Pick<StoredCampaign, 'submittedAt' | 'approvedAt' | 'publishDue' | 'publishedAt' | 'decisionNote'>> & { status: StoredCampaign['status'] };

interface CampaignRow {
  id: string;
  name: string;
  summary: string;
  status: StoredCampaign['status'];
  owner_agency_id: string | null;
  industries: string;
  region_prefixes: string;
  item_ids: string;
  agency_ids: string | null;
  period_from: string;
  period_to: string;
  decision_note: string | null;
  created_at: Date;
  created_by: string;
  submitted_at: Date | null;
  approved_at: Date | null;
  publish_due: string | null;
  published_at: Date | null;
}

const COLUMNS = `c.id, c.name, c.summary, c.status, c.owner_agency_id, c.industries, c.region_prefixes, c.item_ids, c.period_from, c.period_to,
  c.decision_note, c.created_at, c.created_by, c.submitted_at, c.approved_at, c.publish_due, c.published_at`;

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function toCampaign(r: CampaignRow, agencyIds: string[]): StoredCampaign {
  return {
    id: r.id, name: r.name, summary: r.summary, status: r.status, ownerAgencyId: r.owner_agency_id,
    industries: JSON.parse(r.industries), regionPrefixes: JSON.parse(r.region_prefixes), itemIds: JSON.parse(r.item_ids), agencyIds,
    periodFrom: r.period_from, periodTo: r.period_to, decisionNote: r.decision_note, createdAt: new Date(r.created_at), createdBy: r.created_by,
    submittedAt: date(r.submitted_at), approvedAt: date(r.approved_at), publishDue: r.publish_due, publishedAt: date(r.published_at),
  };
}

/** The list's filter as SQL on `c` (campaigns), with `today` deciding published against closed and overdue. */
function statusClause(filter: CampaignFilter, today: string): { sql: string; params: unknown[] } {
  switch (filter) {
    case 'all':
      return { sql: '1 = 1', params: [] };
    case 'published':
      return { sql: "c.status = 'published' AND c.period_to >= ?", params: [today] };
    case 'closed':
      return { sql: "c.status = 'published' AND c.period_to < ?", params: [today] };
    case 'overdue':
      return { sql: "c.status = 'approved' AND c.publish_due < ?", params: [today] };
    default:
      return { sql: 'c.status = ?', params: [filter] };
  }
}

/** Every statement on `campaigns` and `campaign_agencies`. */
@Injectable()
export class CampaignRepository extends BaseRepository {
  async insert(c: Omit<StoredCampaign, 'submittedAt' | 'approvedAt' | 'publishDue' | 'publishedAt' | 'decisionNote' | 'status'>, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns (id, name, summary, status, owner_agency_id, industries, region_prefixes, item_ids, period_from, period_to, created_at, created_by)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.id, c.name, c.summary, c.ownerAgencyId, JSON.stringify(c.industries), JSON.stringify(c.regionPrefixes), JSON.stringify(c.itemIds), c.periodFrom, c.periodTo, c.createdAt, c.createdBy],
    );
    await this.setAgencies(c.id, c.agencyIds, tx);
  }

  async updateFields(id: string, f: CampaignFields, tx: Tx): Promise<void> {
    await tx.query(
      'UPDATE campaigns SET name = ?, summary = ?, industries = ?, region_prefixes = ?, item_ids = ?, period_from = ?, period_to = ? WHERE id = ?',
      [f.name, f.summary, JSON.stringify(f.industries), JSON.stringify(f.regionPrefixes), JSON.stringify(f.itemIds), f.periodFrom, f.periodTo, id],
    );
    await tx.query('DELETE FROM campaign_agencies WHERE campaign_id = ?', [id]);
    await this.setAgencies(id, f.agencyIds, tx);
  }

  async step(id: string, step: CampaignStep, tx: Tx): Promise<void> {
    const columns: [string, unknown][] = [['status', step.status]];
    if (step.submittedAt !== undefined) columns.push(['submitted_at', step.submittedAt]);
    if (step.approvedAt !== undefined) columns.push(['approved_at', step.approvedAt]);
    if (step.publishDue !== undefined) columns.push(['publish_due', step.publishDue]);
    if (step.publishedAt !== undefined) columns.push(['published_at', step.publishedAt]);
    if (step.decisionNote !== undefined) columns.push(['decision_note', step.decisionNote]);
    await tx.query(`UPDATE campaigns SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...columns.map(([, v]) => v), id]);
  }

  /** The campaign, locked for a change of it. */
  async lock(id: string, tx: Tx): Promise<StoredCampaign | null> {
    const [row]: CampaignRow[] = await tx.query(`SELECT ${COLUMNS} FROM campaigns c WHERE c.id = ? FOR UPDATE`, [id]);
    return row ? toCampaign(row, await this.agenciesOf(id, tx)) : null;
  }

  async find(id: string, tx?: Tx): Promise<StoredCampaign | null> {
    const [row]: CampaignRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM campaigns c WHERE c.id = ?`, [id]);
    return row ? toCampaign(row, await this.agenciesOf(id, tx)) : null;
  }

  /** Names of campaigns by id (for plans that show theirs). */
  async namesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM campaigns WHERE id IN (?)', [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * A page of campaigns, newest first. `agencyId` (an agency's staff) limits it to the agency's own
   * drafts and the published campaigns it joins; null reads every campaign.
   */
  async page(filter: { agencyId: string | null; status: CampaignFilter; today: string }, paging: Paging): Promise<{ items: StoredCampaign[]; total: number }> {
    const status = statusClause(filter.status, filter.today);
    const visible = filter.agencyId
      ? { sql: "(c.owner_agency_id = ? OR (c.status = 'published' AND EXISTS (SELECT 1 FROM campaign_agencies a WHERE a.campaign_id = c.id AND a.agency_id = ?)))", params: [filter.agencyId, filter.agencyId] }
      : { sql: '1 = 1', params: [] };
    const where = `${status.sql} AND ${visible.sql}`;
    const params = [...status.params, ...visible.params];
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM campaigns c WHERE ${where}`, params);
    const rows: CampaignRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM campaigns c WHERE ${where} ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?`,
      [...params, paging.pageSize, (paging.page - 1) * paging.pageSize],
    );
    return { items: await this.withAgencies(rows), total: Number(total) };
  }

  /** Published campaigns (in their period, or ended when `withClosed`), newest publication first; only those an agency joins when given. */
  async published(filter: { today: string; withClosed: boolean; agencyId: string | null }, limit: number): Promise<StoredCampaign[]> {
    const joined = filter.agencyId ? ' AND EXISTS (SELECT 1 FROM campaign_agencies a WHERE a.campaign_id = c.id AND a.agency_id = ?)' : '';
    const rows: CampaignRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM campaigns c WHERE c.status = 'published'${filter.withClosed ? '' : ' AND c.period_to >= ?'}${joined}
       ORDER BY c.published_at DESC, c.id LIMIT ?`,
      [...(filter.withClosed ? [] : [filter.today]), ...(filter.agencyId ? [filter.agencyId] : []), limit],
    );
    return this.withAgencies(rows);
  }

  private async setAgencies(id: string, agencyIds: string[], tx: Tx): Promise<void> {
    if (agencyIds.length) await tx.query('INSERT INTO campaign_agencies (campaign_id, agency_id) VALUES ?', [agencyIds.map((a) => [id, a])]);
  }

  private async agenciesOf(id: string, tx?: Tx): Promise<string[]> {
    const rows: { agency_id: string }[] = await this.db(tx).query('SELECT agency_id FROM campaign_agencies WHERE campaign_id = ? ORDER BY agency_id', [id]);
    return rows.map((r) => r.agency_id);
  }

  private async withAgencies(rows: CampaignRow[]): Promise<StoredCampaign[]> {
    if (!rows.length) return [];
    const links: { campaign_id: string; agency_id: string }[] = await this.dataSource.query(
      'SELECT campaign_id, agency_id FROM campaign_agencies WHERE campaign_id IN (?) ORDER BY agency_id', [rows.map((r) => r.id)]);
    return rows.map((r) => toCampaign(r, links.filter((l) => l.campaign_id === r.id).map((l) => l.agency_id)));
  }
}
