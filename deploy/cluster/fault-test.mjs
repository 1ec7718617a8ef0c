#!/usr/bin/env node
// The fault test: a busy morning on the loopback cluster (check-ins, findings, finishes, SMS invites
// through a loopback fake of Aliyun's SMS API, ratings from the SMS links) while, one phase at a time,
// a Galera node, the Redis master, an API instance and the SMS provider fail and come back. It prints
// one line per phase and a summary, and exits 1 when an acknowledged write is not stored exactly once
// or a finished inspection's invite is not sent exactly once. Run by hand (not in CI):
//
//   node deploy/cluster/fault-test.mjs [--inspections 30] [--phase-seconds 30] [--settle-seconds 90]
//                                      [--only calm,galera-node,…] [--max-requests 30000] [--keep]
//
// It starts the cluster's missing parts (deploy/cluster/cluster.mjs) and restarts the API instances
// with the fake provider's settings; at the end it stops the cluster, unless it was running before
// (its instances then get their own settings back) or --keep is given.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../lib/services/common.mjs';
import { apiEnv, startApi, stopApi } from './lib/api.mjs';
import { clusterDatabaseUrl, clusterSecrets } from './lib/layout.mjs';
import { runningPid } from './lib/processes.mjs';
import { clusterDown, clusterUp, layoutFor, log } from './cluster.mjs';
import { Client, Tally } from './fault/client.mjs';
import { enterprisesRating, inspect, linkTokenOf } from './fault/morning.mjs';
import { PHASES } from './fault/phases.mjs';
import { faultSmsEnv } from './fault/sms-env.mjs';
import { prepareMorning } from './fault/setup.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const perPhase = Number(option('--inspections', 30));
const phaseMs = Number(option('--phase-seconds', 30)) * 1000;
const settleMs = Number(option('--settle-seconds', 90)) * 1000;
const maxRequests = Number(option('--max-requests', 30_000));
const only = option('--only', null)?.split(',');
const phases = only ? PHASES.filter((p) => only.includes(p.name)) : PHASES;
if (!phases.length || !(perPhase > 0) || !(phaseMs > 0)) {
  console.error('usage: node deploy/cluster/fault-test.mjs [--inspections N] [--phase-seconds S] [--settle-seconds S] [--only a,b] [--max-requests N] [--keep]');
  process.exit(2);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The provider's fake listens next to the instances; they send through the official Aliyun SDK.
const l0 = layoutFor(3);
const smsPort = l0.nginx.port + 19;
const SMS_ENV = faultSmsEnv(smsPort);

const wasRunning = l0.api.some((a) => runningPid(a.pidFile, a.dir));
log(`starting the cluster's missing parts${wasRunning ? ' (it was running)' : ''}…`);
const l = await clusterUp({ apiInstances: 3, env: SMS_ENV });
const { FakeSmsProvider } = await import(pathToFileURL(path.join(REPO_ROOT, 'server', 'dist', 'test', 'evaluation-fakes.js')).href);
const { Store, smsPerToken, verifyPhase } = await import('./fault/verify.mjs');
const fake = new FakeSmsProvider('aliyun');
fake.lateAnswerMs = 4_000;
await fake.start(smsPort);
// Every instance with the fake provider's settings, whatever it was started with.
const env = apiEnv(l, SMS_ENV);
for (const instance of l.api) {
  await stopApi(instance, log);
  await startApi(l, instance, { env, log });
}

const store = new Store(clusterDatabaseUrl(l), clusterSecrets(l).JWT_SECRET);
await store.open();
const client = new Client(`http://127.0.0.1:${l.nginx.port}`, { maxRequests });
log(`filing and coding ${perPhase * phases.length} plans for today through the API…`);
const { plans: allPlans } = await prepareMorning(client, perPhase * phases.length, { log });
const phaseOfPlan = new Map();
const deadlineOfPhase = new Map();
const ratings = enterprisesRating(client, fake, (token) => store.planOfToken(token, allPlans), {
  phaseOf: (plan) => phaseOfPlan.get(plan.planId),
  deadlineOf: (plan) => deadlineOfPhase.get(phaseOfPlan.get(plan.planId)),
});

const pad = (s, n) => String(s).padEnd(n);
const results = [];
let failed = false;
try {
  for (const [index, phase] of phases.entries()) {
    const plans = allPlans.slice(index * perPhase, (index + 1) * perPhase);
    for (const p of plans) phaseOfPlan.set(p.planId, phase.name);
    const start = Date.now();
    const flowDeadline = start + phaseMs + 30_000;
    const settleDeadline = flowDeadline + settleMs;
    deadlineOfPhase.set(phase.name, settleDeadline);
    client.tally = new Tally();
    log(`phase ${phase.name}: ${phase.what}`);
    const flows = plans.map(async (plan) => {
      await sleep(Math.random() * phaseMs * 0.6);
      return inspect(client, phase.name, plan, { deadline: flowDeadline });
    });
    const ctx = { l, store, fake, smsPort, env };
    const answeredBefore = { ...fake.answered };
    const fault = (async () => {
      await sleep(phaseMs * 0.25);
      const what = await phase.inject(ctx);
      if (what) log(`  fault: ${what} down at ${((Date.now() - start) / 1000).toFixed(1)} s`);
      await sleep(Math.max(0, start + phaseMs * 0.6 - Date.now()));
      await phase.restore(ctx, what);
      if (what) log(`  repaired at ${((Date.now() - start) / 1000).toFixed(1)} s`);
    })();
    const ops = (await Promise.all(flows)).flat();
    await fault;
    // The SMS of every acknowledged finish, and the ratings they bring, before the phase is judged.
    const finished = ops.filter((o) => o.kind === 'finish' && o.acknowledged).map((o) => o.planId);
    while (Date.now() < settleDeadline) {
      const taken = smsPerToken(fake, linkTokenOf);
      const invites = await store.query('SELECT r.id FROM rating_invites r WHERE r.group_id IN (?)', [finished.length ? finished : ['-']]);
      const sent = invites.filter((r) => taken.has(store.tokenOf(r.id))).length;
      const rated = ratings.ops.filter((o) => phaseOfPlan.get(o.planId) === phase.name && (o.acknowledged || o.refused || o.gaveUp)).length;
      if (sent >= finished.length && rated >= sent) break;
      await sleep(1_000);
    }
    // Late answers the provider still owes, and a retry they may have caused, land before counting.
    await sleep(6_000);
    const phaseRatings = ratings.ops.filter((o) => phaseOfPlan.get(o.planId) === phase.name);
    const result = await verifyPhase(store, plans, [...ops, ...phaseRatings], smsPerToken(fake, linkTokenOf));
    const tally = client.tally;
    results.push({ phase: phase.name, tally, ...result });
    console.log(
      `${pad(phase.name, 13)} sent ${pad(tally.sent, 5)} acknowledged ${pad(result.acknowledged, 4)} stored ${pad(result.stored, 4)} lost ${result.lost}  doubled ${result.doubled}` +
      `  invites sent ${result.invitesSent}/${result.finishes}  p99 ${tally.p(0.99).toFixed(0)} ms (max ${tally.max.toFixed(0)} ms, failed answers ${tally.failures}, refused ${result.refused.length}, unacknowledged ${result.unacknowledged})`,
    );
    if (phase.name === 'sms-provider') {
      const a = Object.fromEntries(Object.entries(fake.answered).map(([k, v]) => [k, v - answeredBefore[k]]));
      console.log(`    the provider answered ${a.ok} requests, ${a.http500} with HTTP 500, ${a.hang} never, ${a.late} too late (after taking the SMS); refused connections for ${((ctx.upAt - ctx.downAt) / 1000).toFixed(1)} s`);
    }
    for (const problem of [...result.problems, ...result.refused].slice(0, 10)) console.log(`    ${problem}`);
    if (result.lost || result.doubled) failed = true;
  }
} finally {
  await ratings.stop();
  await store.close();
  await fake.close().catch(() => undefined);
  if (process.argv.includes('--keep')) log('the cluster keeps running (--keep)');
  else if (wasRunning) {
    // The instances get their usual settings back (no fake provider behind them).
    for (const instance of l.api) {
      await stopApi(instance, log);
      await startApi(l, instance, { env: apiEnv(l), log });
    }
  } else await clusterDown();
}

const sum = (k) => results.reduce((s, r) => s + (typeof r[k] === 'number' ? r[k] : r.tally[k] ?? 0), 0);
const worstP99 = Math.max(...results.map((r) => r.tally.p(0.99)));
console.log(
  `summary       ${results.length} phases: sent ${sum('sent')} acknowledged ${sum('acknowledged')} stored ${sum('stored')} lost ${sum('lost')} doubled ${sum('doubled')}` +
  ` invites sent ${sum('invitesSent')}/${sum('finishes')}  worst p99 ${worstP99.toFixed(0)} ms  → ${failed ? 'FAILED' : 'passed'}`,
);
process.exit(failed ? 1 : 0);
