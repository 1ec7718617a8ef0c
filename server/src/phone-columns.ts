import type { DataSource } from 'typeorm';
import type { StoredPhoneColumn } from './infra/crypto/phone-rotation.js';
import { RatingInviteRepository, SmsOutboxRepository } from './modules/evaluation/index.js';
import { ComplaintRepository, EnterpriseContactRepository } from './modules/port/index.js';
import { EnterpriseRepository, OfficerRepository } from './modules/registry/index.js';

/** Every column of encrypted phones, each from its table's owner: what `rotate-phones` rewrites. */
export function storedPhoneColumns(dataSource: DataSource): StoredPhoneColumn[] {
  return [
    new EnterpriseRepository(dataSource).phoneColumn(),
    new OfficerRepository(dataSource).phoneColumn(),
    new RatingInviteRepository(dataSource).phoneColumn(),
    new SmsOutboxRepository(dataSource).phoneColumn(),
    new EnterpriseContactRepository(dataSource).phoneColumn(),
    new ComplaintRepository(dataSource).phoneColumn(),
  ];
}
