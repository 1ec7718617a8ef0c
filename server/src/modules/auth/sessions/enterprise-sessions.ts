import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EnterpriseLoginResponse, EnterpriseSession } from '@mashang/shared';
import type { Redis } from 'ioredis';
import { Batcher } from '../../../infra/batching/batcher.js';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import { timeOrderedUuid } from '../../../infra/ids/time-ordered-uuid.js';
import { subscribeTo, type ChannelSubscription } from '../../../infra/redis/channel-subscription.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import { EnterpriseSessionRepository } from './enterprise-session.repository.js';
import type { EnterpriseSessionEndReason } from './enterprise-session.entity.js';
import { SessionCache } from './session-cache.js';
import { SESSION_CHECK_TTL_MS } from './sessions.js';

const ENDED_CHANNEL = 'auth:enterprise-sessions-ended';
const LOOK_UP_BATCH = 200;

/** What an enterprise token carries: the enterprise as the port shows it. No `user`, so no role. */
export interface EnterpriseTokenPayload {
  enterprise: EnterpriseSession;
}

/**
 * Sessions of the enterprise's port: opened when a phone registered for an enterprise signs in (by SMS
 * code or a bound WeChat account), checked on every enterprise request like users' sessions (a per-process
 * cache, look-ups batched), ended by signing out or when the legal representative removes the contact,
 * which every process hears of through Redis.
 */
@Injectable()
export class EnterpriseSessions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EnterpriseSessions');
  private readonly cache = new SessionCache(SESSION_CHECK_TTL_MS);
  private readonly lookUps = new Batcher<string, boolean>(async (ids) => {
    const live = await this.sessions.liveAmong(ids, new Date());
    return ids.map((id) => live.has(id));
  }, LOOK_UP_BATCH, 2);
  private subscription: ChannelSubscription | null = null;

  constructor(
    @Inject(EnterpriseSessionRepository) private readonly sessions: EnterpriseSessionRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // A notice missed while Redis is away is made up by the cache's check interval.
    this.subscription = subscribeTo(this.redis, ENDED_CHANNEL, (creditCode) => this.cache.forgetUser(creditCode), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** Opens a session for a phone of the enterprise and signs its token (a kind of its own: no role). */
  async issue(enterprise: EnterpriseSession, phoneIndex: string, method: 'sms' | 'wechat', tx?: Tx): Promise<EnterpriseLoginResponse> {
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + this.config.enterprisePort.sessionTtlSeconds * 1000);
    const id = timeOrderedUuid(createdAt.getTime());
    await this.sessions.open({ id, creditCode: enterprise.creditCode, phoneIndex, method, createdAt, expiresAt }, tx);
    const payload: EnterpriseTokenPayload = { enterprise };
    const token = await this.jwt.signAsync(payload, {
      subject: `enterprise:${enterprise.creditCode}`, jwtid: id, expiresIn: this.config.enterprisePort.sessionTtlSeconds,
    });
    return { token, expiresAt: expiresAt.toISOString(), enterprise };
  }

  /** Whether an enterprise token's session still counts: from memory when this process looked recently. */
  isLive(sessionId: string, creditCode: string): boolean | Promise<boolean> {
    return this.cache.isLive(sessionId, creditCode, () => this.lookUps.submit(sessionId));
  }

  /** The phone (blind index) a live session signed in with; null once it has ended. */
  phoneIndexOf(sessionId: string, tx?: Tx): Promise<string | null> {
    return this.sessions.phoneIndexOf(sessionId, new Date(), tx);
  }

  /** Ends one session; call `changed` once committed. */
  end(sessionId: string, reason: EnterpriseSessionEndReason, tx?: Tx): Promise<void> {
    return this.sessions.end(sessionId, reason, new Date(), tx);
  }

  /** Ends every session of one phone of the enterprise; call `changed` once committed. */
  endAllOf(creditCode: string, phoneIndex: string, reason: EnterpriseSessionEndReason, tx?: Tx): Promise<void> {
    return this.sessions.endAllOf(creditCode, phoneIndex, reason, new Date(), tx);
  }

  /** Tells every process, this one at once, to look again at the enterprise's sessions. */
  async changed(creditCode: string): Promise<void> {
    this.cache.forgetUser(creditCode);
    try {
      await this.redis.publish(ENDED_CHANNEL, creditCode);
    } catch (error) {
      this.logger.warn(`could not tell the other processes that an enterprise's sessions changed (they notice within ${SESSION_CHECK_TTL_MS / 1000} s): ${(error as Error).message}`);
    }
  }
}
