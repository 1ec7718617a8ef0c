import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { serialiseRecord, type ExchangeKind, type ExchangeRecordMap } from '../../exchange/records/index.js';

/** Buffers lines and writes them in chunks; `pending` tells the caller to await `drain()`. */
export class JsonlWriter {
  private buffer = '';
  private readonly stream: WriteStream;
  private error: Error | null = null;
  pending = false;
  lines = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => {
      this.error = e;
    });
  }

  push<K extends ExchangeKind>(kind: K, record: ExchangeRecordMap[K]): void {
    this.buffer += JSON.stringify(serialiseRecord(kind, record)) + '\n';
    this.lines++;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.error) throw this.error;
    if (this.buffer.length === 0) return;
    if (!this.stream.write(this.buffer)) this.pending = true;
    this.buffer = '';
  }

  async drain(): Promise<void> {
    if (this.error) throw this.error;
    if (!this.pending) return;
    this.pending = false;
    // It may have drained already while the caller awaited another writer.
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.flush();
    await this.drain();
    this.stream.end();
    await finished(this.stream);
    if (this.error) throw this.error;
  }
}
