import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CodeTrail, type SessionUser, type TrailVerification, type TrailView } from '@mashang/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, notFound } from '../../infra/errors/domain-error.js';
import { agencyScope } from '../auth/scope.js';
import { codeSigningKey, isAuthenticToken } from '../plans/index.js';
import { TrailReader } from '../trail/index.js';

/** Who may read which inspection's trail (全过程留痕): agencies their own, supervisors all, the enterprise by its code. */
@Injectable()
export class TrailAccessService {
  private readonly codeKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TrailReader) private readonly trails: TrailReader,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.codeKey = codeSigningKey(config.jwtSecret);
  }

  async trail(user: SessionUser, inspectionId: string): Promise<TrailView> {
    await this.assertVisible(user, inspectionId);
    return this.trails.read(inspectionId);
  }

  async verify(user: SessionUser, inspectionId: string): Promise<TrailVerification> {
    await this.assertVisible(user, inspectionId);
    return this.trails.verify(inspectionId);
  }

  /** The enterprise's view: the trails of every agency's part of the inspection an inspection code belongs to. */
  async trailsByCode(token: string): Promise<CodeTrail[]> {
    if (!isAuthenticToken(this.codeKey, token)) throw new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码');
    const [code]: { lead_plan_id: string }[] = await this.dataSource.query('SELECT lead_plan_id FROM inspection_codes WHERE token = ?', [token]);
    if (!code) throw new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码');
    const plans: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT p.id, a.name FROM plans p JOIN agencies a ON a.id = p.agency_id WHERE p.lead_plan_id = ? ORDER BY p.id = p.lead_plan_id DESC, p.filed_at, p.id', [code.lead_plan_id]);
    return Promise.all(plans.map(async (p) => ({ ...(await this.trails.read(p.id)), agencyName: p.name })));
  }

  /** Agencies see their own inspections' trails; supervisors and discipline see all. */
  private async assertVisible(user: SessionUser, inspectionId: string): Promise<void> {
    const [owner]: { agency_id: string }[] = await this.dataSource.query(
      'SELECT agency_id FROM plans WHERE id = ? UNION ALL SELECT agency_id FROM inspections WHERE id = ? LIMIT 1', [inspectionId, inspectionId]);
    const scope = agencyScope(user);
    if (!owner || (scope !== null && scope !== owner.agency_id)) throw notFound('检查');
  }
}
