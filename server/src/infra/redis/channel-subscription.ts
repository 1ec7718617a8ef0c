import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface ChannelSubscription {
  close(): Promise<void>;
}

/**
 * Listens to one pub/sub channel on a connection of its own (a subscribed connection can do nothing
 * else). Unlike the shared client it waits for Redis — ioredis subscribes again after every
 * reconnection — and start-up does not wait for it: what listens must make up for a missed message.
 */
export function subscribeTo(redis: Redis, channel: string, onMessage: (message: string) => void, logger: Logger): ChannelSubscription {
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  subscriber.on('message', (_channel: string, message: string) => onMessage(message));
  subscriber.on('error', (error: Error) => logger.warn(`${channel}: ${error.message}`));
  void subscriber.subscribe(channel).catch((error: Error) => logger.warn(`${channel}: ${error.message}`));
  return {
    async close() {
      // QUIT would wait for a Redis that is away.
      if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
      else subscriber.disconnect();
    },
  };
}
