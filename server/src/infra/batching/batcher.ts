/** One item's own failure inside a run that otherwise succeeded: only that item's submit rejects. */
export class ItemFailure {
  constructor(readonly error: unknown) {}
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Batching for group commit and batched reads: items submitted while runs are under way wait for
 * the next run, which takes them all (up to `maxSize`) at once. Light load runs items one by one
 * without delay; heavy load gets big batches, so the round trips per item shrink. Each submit
 * resolves with its own item's result, or rejects with its `ItemFailure` or its run's error.
 */
export class Batcher<I, O = void> {
  private queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<(O | ItemFailure)[]>,
    private readonly maxSize: number,
    private readonly maxRunning = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running < this.maxRunning && !this.scheduled) {
        // Let the submits of this tick join the same run.
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.next();
        });
      }
    });
  }

  private next(): void {
    while (this.running < this.maxRunning && this.queue.length) this.start(this.queue.splice(0, this.maxSize));
  }

  private start(batch: Pending<I, O>[]): void {
    this.running += 1;
    this.run(batch.map((p) => p.item))
      .then(
        (results) => batch.forEach((p, i) => (results[i] instanceof ItemFailure ? p.reject((results[i] as ItemFailure).error) : p.resolve(results[i] as O))),
        (error) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        this.running -= 1;
        this.next();
      });
  }
}
