import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A phone that may sign in for an enterprise besides the register's (the legal representative's, kept in
 * `enterprises.phone_cipher`), added and removed by the legal representative. Encrypted like every stored
 * phone, found by its blind index.
 */
@Entity('enterprise_contacts')
@Index('uq_enterprise_contacts_phone', ['creditCode', 'phoneIndex'], { unique: true })
export class EnterpriseContact {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 128 })
  phoneCipher: string;

  @Column({ name: 'phone_index', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  phoneIndex: string;

  /** 职务或称呼 (财务负责人, 店长), as the representative wrote it. */
  @Column({ type: 'varchar', length: 20, default: '' })
  title: string;

  @Column({ name: 'added_at', type: 'datetime', precision: 3 })
  addedAt: Date;
}

/** A WeChat account (mini-program openid) bound to a phone of an enterprise: it signs in without an SMS code while that phone stays registered. */
@Entity('enterprise_wechat_bindings')
@Index('idx_enterprise_wechat_bindings_phone', ['creditCode', 'phoneIndex'])
export class EnterpriseWechatBinding {
  @PrimaryColumn({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  openid: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  @Column({ name: 'phone_index', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  phoneIndex: string;

  @Column({ name: 'bound_at', type: 'datetime', precision: 3 })
  boundAt: Date;
}

/** What was done in an enterprise's port that changes who may act for it: contacts added and removed, WeChat bound. Only inserted. */
@Entity('enterprise_port_events')
@Index('idx_enterprise_port_events_enterprise', ['creditCode', 'id'])
export class EnterprisePortEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** contact-added | contact-removed | wechat-bound */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** JSON; phones masked. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
