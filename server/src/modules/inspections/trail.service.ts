import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CodeTrail, type SessionUser, type TrailVerification, type TrailView } from '@mashang/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, notFound } from '../../infra/errors/domain-error.js';
import { agencyScope } from '../auth/scope.js';
import { codeSigningKey, isAuthenticToken } from '../plans/inspection-code.js';
import { firstBreak, type StoredEntry } from './trail-chain.js';

interface TrailRow {
  inspection_id: string;
  seq: number;
  kind: string;
  actor: string;
  detail: string;
  at: Date;
  prev_hash: string;
  hash: string;
}

const toStored = (row: TrailRow): StoredEntry => ({
  inspectionId: row.inspection_id, seq: Number(row.seq), kind: row.kind, actor: row.actor, detail: row.detail, at: new Date(row.at), prevHash: row.prev_hash, hash: row.hash,
});

/** Reading and verifying inspections' trails (全过程留痕). */
@Injectable()
export class TrailService {
  private readonly codeKey: Buffer;

  constructor(@InjectDataSource() private readonly dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.codeKey = codeSigningKey(config.jwtSecret);
  }

  async trail(user: SessionUser, inspectionId: string): Promise<TrailView> {
    await this.assertVisible(user, inspectionId);
    return this.read(inspectionId);
  }

  async verify(user: SessionUser, inspectionId: string): Promise<TrailVerification> {
    await this.assertVisible(user, inspectionId);
    return verifyTrail(this.dataSource, inspectionId);
  }

  /** The enterprise's view: the trails of every agency's part of the inspection an inspection code belongs to. */
  async trailsByCode(token: string): Promise<CodeTrail[]> {
    if (!isAuthenticToken(this.codeKey, token)) throw new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码');
    const [code]: { lead_plan_id: string }[] = await this.dataSource.query('SELECT lead_plan_id FROM inspection_codes WHERE token = ?', [token]);
    if (!code) throw new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码');
    const plans: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT p.id, a.name FROM plans p JOIN agencies a ON a.id = p.agency_id WHERE p.lead_plan_id = ? ORDER BY p.id = p.lead_plan_id DESC, p.filed_at, p.id', [code.lead_plan_id]);
    return Promise.all(plans.map(async (p) => ({ ...(await this.read(p.id)), agencyName: p.name })));
  }

  private async read(inspectionId: string): Promise<TrailView> {
    const rows: TrailRow[] = await this.dataSource.query('SELECT * FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [inspectionId]);
    return {
      inspectionId,
      entries: rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, actor: r.actor, at: new Date(r.at).toISOString(), detail: JSON.parse(r.detail), hash: r.hash })),
    };
  }

  /** Agencies see their own inspections' trails; supervisors and discipline see all. */
  private async assertVisible(user: SessionUser, inspectionId: string): Promise<void> {
    const [owner]: { agency_id: string }[] = await this.dataSource.query(
      'SELECT agency_id FROM plans WHERE id = ? UNION ALL SELECT agency_id FROM inspections WHERE id = ? LIMIT 1', [inspectionId, inspectionId]);
    const scope = agencyScope(user);
    if (!owner || (scope !== null && scope !== owner.agency_id)) throw notFound('检查');
  }
}

/** Recomputes one inspection's chain from the stored rows and names the first broken link. */
export async function verifyTrail(dataSource: DataSource, inspectionId: string): Promise<TrailVerification> {
  const rows: TrailRow[] = await dataSource.query('SELECT * FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [inspectionId]);
  const broken = firstBreak(rows.map(toStored));
  return { inspectionId, entries: rows.length, intact: broken === null, firstBreak: broken };
}

/** Every trail in the database, streamed in order with flat memory; yields each broken chain. */
export async function* brokenTrails(dataSource: DataSource): AsyncGenerator<TrailVerification & { checked: number }> {
  let after = '';
  let checked = 0;
  for (;;) {
    const ids: { inspection_id: string }[] = await dataSource.query(
      'SELECT DISTINCT inspection_id FROM inspection_trail WHERE inspection_id > ? ORDER BY inspection_id LIMIT 500', [after]);
    if (!ids.length) return;
    for (const { inspection_id: id } of ids) {
      checked += 1;
      const result = await verifyTrail(dataSource, id);
      if (!result.intact) yield { ...result, checked };
    }
    after = ids[ids.length - 1].inspection_id;
  }
}
