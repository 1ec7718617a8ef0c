import { Inject, Injectable } from '@nestjs/common';
import { UserRepository } from '../auth/index.js';
import type { QueuedCase } from '../flags/index.js';
import { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../registry/index.js';
import type { CaseNamesOf } from './case-view.js';

/** The names listed cases show: one batched look-up per register for a whole page. */
@Injectable()
export class CaseNames {
  constructor(
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async of(cases: QueuedCase[]): Promise<(c: QueuedCase) => CaseNamesOf> {
    const ids = <T>(pick: (c: QueuedCase) => T | null) => [...new Set(cases.map(pick).filter((v): v is T => v !== null))];
    const [agencies, enterprises, officers, users] = await Promise.all([
      this.agencies.namesOf(ids((c) => c.agencyId)),
      this.enterprises.namesOf(ids((c) => c.creditCode)),
      this.officers.namesOf(ids((c) => c.officerId)),
      this.users.displayNames(ids((c) => c.assigneeId)),
    ]);
    const name = <K>(names: Map<K, string>, id: K | null) => (id === null ? null : names.get(id) ?? null);
    return (c) => ({
      agencyName: name(agencies, c.agencyId),
      enterpriseName: name(enterprises, c.creditCode),
      officerName: name(officers, c.officerId),
      assigneeName: name(users, c.assigneeId === null ? null : String(c.assigneeId)),
    });
  }
}
