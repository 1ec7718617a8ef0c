import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A joint-supervision scenario as the API shows it. */
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

/** Every statement on `joint_scenarios`; lists are stored comma-separated. */
@Injectable()
export class JointScenarioRepository extends BaseRepository {
  async all(tx?: Tx): Promise<ScenarioView[]> {
    return ((await this.db(tx).query('SELECT * FROM joint_scenarios ORDER BY id')) as ScenarioRow[]).map(toView);
  }

  async active(tx?: Tx): Promise<ScenarioView[]> {
    return ((await this.db(tx).query('SELECT * FROM joint_scenarios WHERE active = 1 ORDER BY id')) as ScenarioRow[]).map(toView);
  }

  async byId(id: string, tx?: Tx): Promise<ScenarioView | null> {
    const [row]: ScenarioRow[] = await this.db(tx).query('SELECT * FROM joint_scenarios WHERE id = ?', [id]);
    return row ? toView(row) : null;
  }

  async exists(id: string, tx?: Tx): Promise<boolean> {
    return (await this.db(tx).query('SELECT id FROM joint_scenarios WHERE id = ?', [id])).length > 0;
  }

  /** A new scenario, active. */
  async insert(scenario: Omit<ScenarioView, 'active'>, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO joint_scenarios (id, name, industries, agency_ids, active) VALUES (?, ?, ?, ?, 1)', [
      scenario.id, scenario.name, scenario.industries.join(','), scenario.agencyIds.join(','),
    ]);
  }

  async update(scenario: ScenarioView, tx: Tx): Promise<void> {
    await tx.query('UPDATE joint_scenarios SET name = ?, industries = ?, agency_ids = ?, active = ? WHERE id = ?', [
      scenario.name, scenario.industries.join(','), scenario.agencyIds.join(','), scenario.active ? 1 : 0, scenario.id,
    ]);
  }
}
