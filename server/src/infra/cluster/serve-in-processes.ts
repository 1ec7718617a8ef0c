import cluster, { type Worker } from 'node:cluster';

export interface ProcessesLog {
  log(message: string): void;
  error(message: string): void;
}

/** A worker that dies this soon after starting is not restarted at once: a crash loop waits. */
const RESTART_PAUSE_MS = 1_000;
const SERVING = 'serving';
/** How long the workers get to finish their requests once asked to stop. */
const STOP_GRACE_MS = 10_000;

/**
 * Runs `serve` in `count` processes sharing one listening port (node:cluster). A Node process does its
 * JavaScript on one core; one process per core lets a machine's cores all serve the API, as the check-in
 * benchmark measures. The primary serves nothing: it starts the workers, replaces one that dies, and on
 * SIGTERM/SIGINT asks them all to stop. A worker that fails before serving (the database unreachable,
 * say) stops them all with exit code 1, as one process would. With `count` 1, or inside a worker,
 * `serve` just runs here.
 *
 * Everything shared between requests lives in MySQL and Redis, so the workers need nothing from each other.
 */
export async function serveInProcesses(count: number, serve: () => Promise<void>, log: ProcessesLog): Promise<void> {
  if (count <= 1 || !cluster.isPrimary) {
    // A worker whose primary is gone (killed outright) stops too, rather than serving unsupervised.
    if (cluster.isWorker) process.once('disconnect', () => process.exit(0));
    await serve();
    process.send?.(SERVING);
    return;
  }
  let stopping = false;
  const startedAt = new WeakMap<Worker, number>();
  const serving = new WeakSet<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.on('message', (message) => message === SERVING && serving.add(worker));
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit();
      return;
    }
    if (!serving.has(worker)) {
      log.error(`API process ${worker.process.pid} failed to start (${signal ?? `exit ${code}`})`);
      stop('SIGTERM', 1);
      return;
    }
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    log.error(`API process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(fork, lived < RESTART_PAUSE_MS ? RESTART_PAUSE_MS : 0);
  });
  function stop(signal: NodeJS.Signals, exitCode = 0): void {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    log.log(`${signal}: stopping the API processes`);
    const workers = Object.values(cluster.workers ?? {});
    for (const worker of workers) worker?.process.kill(signal);
    if (!workers.length) process.exit();
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  }
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < count; i += 1) fork();
  log.log(`serving with ${count} API processes`);
}
