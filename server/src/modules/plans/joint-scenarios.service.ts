import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@mashang/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../infra/errors/domain-error.js';
import type { CreateScenarioDto, UpdateScenarioDto } from './dto/scenario.dto.js';

export interface ScenarioView {
  id: string;
  name: string;
  industries: string[];
  agencyIds: string[];
  active: boolean;
}

interface ScenarioRow {
  id: string;
  name: string;
  industries: string;
  agency_ids: string;
  active: number | string;
}

const toView = (row: ScenarioRow): ScenarioView => ({
  id: row.id,
  name: row.name,
  industries: row.industries.split(','),
  agencyIds: row.agency_ids.split(','),
  active: Boolean(Number(row.active)),
});

/** 综合监管场景, kept by supervisors. */
@Injectable()
export class JointScenariosService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ScenarioView[]> {
    return ((await this.dataSource.query('SELECT * FROM joint_scenarios ORDER BY id')) as ScenarioRow[]).map(toView);
  }

  async create(input: CreateScenarioDto): Promise<ScenarioView> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkAgencies(manager, input.agencyIds);
      if ((await manager.query('SELECT id FROM joint_scenarios WHERE id = ?', [input.id])).length) throw new DomainError(ErrorCode.Conflict, `场景 ${input.id} 已存在`);
      await manager.query('INSERT INTO joint_scenarios (id, name, industries, agency_ids, active) VALUES (?, ?, ?, ?, 1)', [input.id, input.name, input.industries.join(','), input.agencyIds.join(',')]);
      return this.get(manager, input.id);
    });
  }

  async update(id: string, patch: UpdateScenarioDto): Promise<ScenarioView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(manager, id);
      const next = { ...current, ...patch };
      await this.checkAgencies(manager, next.agencyIds);
      await manager.query('UPDATE joint_scenarios SET name = ?, industries = ?, agency_ids = ?, active = ? WHERE id = ?', [next.name, next.industries.join(','), next.agencyIds.join(','), next.active ? 1 : 0, id]);
      return this.get(manager, id);
    });
  }

  /** Active scenarios covering this industry that name any of these agencies. */
  async applying(manager: EntityManager, industry: string, agencyIds: string[]): Promise<ScenarioView[]> {
    const rows: ScenarioRow[] = await manager.query('SELECT * FROM joint_scenarios WHERE active = 1 ORDER BY id');
    return rows.map(toView).filter((s) => s.industries.includes(industry) && s.agencyIds.some((id) => agencyIds.includes(id)));
  }

  private async get(manager: EntityManager, id: string): Promise<ScenarioView> {
    const [row] = await manager.query('SELECT * FROM joint_scenarios WHERE id = ?', [id]);
    if (!row) throw notFound('综合监管场景');
    return toView(row);
  }

  private async checkAgencies(manager: EntityManager, agencyIds: string[]): Promise<void> {
    const found: { id: string }[] = await manager.query('SELECT id FROM agencies WHERE id IN (?)', [agencyIds]);
    const missing = agencyIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new DomainError(ErrorCode.ValidationFailed, `agencyIds: 执法部门不存在：${missing.join('、')}`, [{ field: 'agencyIds', reason: `执法部门不存在：${missing.join('、')}` }]);
  }
}
