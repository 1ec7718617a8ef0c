import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { UserRepository } from '../auth/index.js';
import { AgencyRepository, OfficerRepository } from '../registry/index.js';
import { DEMO_PASSWORD } from './data/logins.js';

/** The demo's business-environment bureau: an agency in the register, one officer, one login. */
export const DEMO_BUREAU = Object.freeze({
  agencyId: 'YS001',
  agencyName: '营商环境建设局',
  officerId: 'YS001-001',
  officerName: '王芳',
  certNo: '营商监督00001',
  username: 'bizofficer',
});

/**
 * Adds the business-environment bureau to a loaded demo city (once; again changes nothing): it files
 * return and service visits and accompanies inspections (陪同执法) as an agency of the register, its
 * supervisor an officer with a login. Kept out of the generated city, whose registers are the
 * exchange format's enforcement agencies.
 */
export async function createDemoBureau(dataSource: DataSource): Promise<void> {
  const agencies = new AgencyRepository(dataSource);
  const officers = new OfficerRepository(dataSource);
  const city = await agencies.find({ id: 'A001' });
  if (!city) return;
  if (!(await agencies.find({ id: DEMO_BUREAU.agencyId }))) {
    await agencies.insert({ id: DEMO_BUREAU.agencyId, name: `${city.name.replace(/市场监督管理局$/, '')}${DEMO_BUREAU.agencyName}`, kind: 'business-environment', region: city.region });
  }
  if (!(await officers.find({ id: DEMO_BUREAU.officerId }))) {
    await officers.insert({ id: DEMO_BUREAU.officerId, agencyId: DEMO_BUREAU.agencyId, name: DEMO_BUREAU.officerName, certNo: DEMO_BUREAU.certNo });
  }
  await new UserRepository(dataSource).upsertLogin({
    username: DEMO_BUREAU.username, passwordHash: await hashPassword(DEMO_PASSWORD), role: 'officer', displayName: DEMO_BUREAU.officerName,
    agencyId: DEMO_BUREAU.agencyId, officerId: DEMO_BUREAU.officerId,
  });
}
