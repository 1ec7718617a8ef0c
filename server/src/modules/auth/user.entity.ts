import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@mashang/shared';

/** A login: console users by password, officers also through WeChat (bound openid). */
@Entity('users')
@Index('uq_users_username', ['username'], { unique: true })
@Index('uq_users_wechat_openid', ['wechatOpenid'], { unique: true })
export class User {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  agencyId: string | null;

  @Column({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  officerId: string | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  wechatOpenid: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
