interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a run is under way wait for the next run, which takes them
 * all (up to `maxSize`) at once. Light load runs items one by one without delay; heavy load gets
 * big batches. Each submit resolves with its own item's result, or rejects with its run's error.
 */
export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxSize: number,
    private readonly maxRunning = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Let the submits of this tick join the same run.
      if (this.running < this.maxRunning && this.queue.length === 1) setImmediate(() => this.next());
    });
  }

  private next(): void {
    if (this.running >= this.maxRunning || !this.queue.length) return;
    const batch = this.queue.splice(0, this.maxSize);
    this.running += 1;
    this.run(batch.map((p) => p.item))
      .then((results) => batch.forEach((p, i) => p.resolve(results[i])), (error) => batch.forEach((p) => p.reject(error)))
      .finally(() => {
        this.running -= 1;
        this.next();
        if (this.running < this.maxRunning) this.next();
      });
  }
}
