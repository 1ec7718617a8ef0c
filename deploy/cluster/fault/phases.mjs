// The faults, one per phase: each is injected a quarter into the phase and repaired later in it.
import { killByName, startByName } from '../cluster.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Galera node HAProxy sends the writes to now. */
async function writerNode(store) {
  const [row] = await store.query('SELECT @@wsrep_node_name AS node');
  return row.node;
}

export const PHASES = [
  {
    name: 'calm',
    what: 'no fault (the baseline)',
    inject: async () => null,
    restore: async () => undefined,
  },
  {
    name: 'galera-node',
    what: 'the writing Galera node killed (SIGKILL), restarted later (IST)',
    inject: async ({ store, l }) => killByName(await writerNode(store), l),
    restore: async ({ l, env }, node) => startByName(node, l, { env }),
  },
  {
    name: 'redis-master',
    what: 'the Redis master killed; the Sentinels promote a replica; the old master comes back as a replica',
    inject: async ({ l }) => killByName('redis-master', l),
    restore: async ({ l, env }, node) => startByName(node, l, { env }),
  },
  {
    name: 'api-instance',
    what: 'one API/worker instance killed (SIGKILL) mid-request, restarted later',
    inject: async ({ l }) => killByName(l.api[1].name, l),
    restore: async ({ l, env }, instance) => startByName(instance, l, { env }),
  },
  {
    name: 'sms-provider',
    what: 'the SMS provider answers 5xx, never answers, answers too late (after taking the SMS), then refuses connections',
    inject: async (ctx) => {
      ctx.fake.answerNext(...Array.from({ length: 4 }, () => ['http500', 'hang', 'late']).flat());
      await sleep(4_000);
      await ctx.fake.close();
      ctx.downAt = Date.now();
      return 'the SMS provider';
    },
    restore: async (ctx) => {
      await ctx.fake.start(ctx.smsPort);
      ctx.upAt = Date.now();
    },
  },
];
