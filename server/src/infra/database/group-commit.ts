/**
 * Group commit: writes submitted while earlier ones are in flight are written together, in one
 * transaction with multi-row statements, instead of one transaction each. At low load every write
 * goes alone at once; under load the batches grow and the round trips per write shrink.
 * `flush` answers one outcome per item (null for written), so one bad item fails only itself.
 */
export class GroupCommit<T> {
  private readonly waiting: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (items: T[]) => Promise<(unknown | null)[]>,
    private readonly maxBatch = 100,
    private readonly maxInFlight = 2,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight += 1;
      this.flush(batch.map((entry) => entry.item))
        .then(
          (outcomes) => batch.forEach((entry, i) => (outcomes[i] == null ? entry.resolve() : entry.reject(outcomes[i]))),
          (error) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }
}
