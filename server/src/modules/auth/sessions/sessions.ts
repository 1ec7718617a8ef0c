import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Batcher } from '../../../infra/batching/batcher.js';
import type { Tx } from '../../../infra/database/tx.js';
import { timeOrderedUuid } from '../../../infra/ids/time-ordered-uuid.js';
import { subscribeTo, type ChannelSubscription } from '../../../infra/redis/channel-subscription.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import { SessionCache } from './session-cache.js';
import { SessionRepository } from './session.repository.js';
import type { SessionEndReason } from './user-session.entity.js';

/**
 * How long a process may answer from memory that a session still counts. Ending a session reaches every
 * process at once through Redis; this bounds the delay for a process that missed the notice (Redis
 * briefly unreachable).
 */
export const SESSION_CHECK_TTL_MS = 10_000;
const ENDED_CHANNEL = 'auth:sessions-ended';
/** Sessions looked up in one statement at most: many lapse together (a busy morning, a burst after a quiet spell). */
const LOOK_UP_BATCH = 200;

/**
 * Sessions: opened at login, checked on every request from a per-process cache (a database look-up per
 * session per SESSION_CHECK_TTL_MS at most, batched with the others due then), and ended by logout, a password
 * change or deactivation, which every server process hears of through Redis pub/sub.
 */
@Injectable()
export class Sessions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly cache = new SessionCache(SESSION_CHECK_TTL_MS);
  private readonly lookUps = new Batcher<string, boolean>(async (ids) => {
    const live = await this.sessions.liveAmong(ids, new Date());
    return ids.map((id) => live.has(id));
  }, LOOK_UP_BATCH, 2);
  private subscription: ChannelSubscription | null = null;

  constructor(
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    // A notice missed while Redis is away is made up by the cache's SESSION_CHECK_TTL_MS.
    this.subscription = subscribeTo(this.redis, ENDED_CHANNEL, (userId) => this.cache.forgetUser(Number(userId)), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** Opens a session for a login; answers its id, which the token carries (`jti`). */
  async open(userId: number, expiresAt: Date, tx?: Tx): Promise<string> {
    const createdAt = new Date();
    const id = timeOrderedUuid(createdAt.getTime());
    await this.sessions.open({ id, userId, createdAt, expiresAt }, tx);
    return id;
  }

  /** Ends one session; call `changed` once committed. */
  end(sessionId: string, reason: SessionEndReason, tx?: Tx): Promise<void> {
    return this.sessions.end(sessionId, reason, new Date(), tx);
  }

  /** Ends every session of a user but `except`; call `changed` once committed. */
  endAllOf(userId: number, reason: SessionEndReason, { except }: { except?: string } = {}, tx?: Tx): Promise<void> {
    return this.sessions.endAllOf(userId, reason, new Date(), { except }, tx);
  }

  /** Whether a token's session still counts: from memory when this process looked recently. */
  isLive(sessionId: string, userId: number): boolean | Promise<boolean> {
    return this.cache.isLive(sessionId, userId, () => this.lookUps.submit(sessionId));
  }

  /**
   * Tells every process, this one at once, to look again at the user's sessions. Call it once the change
   * (an ended session, a deactivated user) is committed.
   */
  async changed(userId: number): Promise<void> {
    this.cache.forgetUser(userId);
    try {
      await this.redis.publish(ENDED_CHANNEL, String(userId));
    } catch (error) {
      this.logger.warn(`could not tell the other processes that user ${userId}'s sessions changed (they notice within ${SESSION_CHECK_TTL_MS / 1000} s): ${(error as Error).message}`);
    }
  }
}
