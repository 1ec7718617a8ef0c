import { Inject, Injectable } from '@nestjs/common';
import type { TrailVerification, TrailView } from '@mashang/shared';
import { firstBreak } from './trail-chain.js';
import { disclosedDetail, type TrailReaderKind } from './trail-disclosure.js';
import { TrailRepository } from './trail.repository.js';

/** Reading and verifying inspections' trails (全过程留痕); who may read which trail is the caller's rule. */
@Injectable()
export class TrailReader {
  constructor(@Inject(TrailRepository) private readonly trail: TrailRepository) {}

  /** One inspection's entries, each detail as this reader may see it (verification still hashes the stored text). */
  async read(inspectionId: string, reader: TrailReaderKind): Promise<TrailView> {
    const entries = await this.trail.entries(inspectionId);
    return {
      inspectionId,
      entries: entries.map((e) => ({ seq: e.seq, kind: e.kind, actor: e.actor, at: e.at.toISOString(), detail: disclosedDetail(e.kind, JSON.parse(e.detail), reader), hash: e.hash })),
    };
  }

  /** Recomputes one inspection's chain from the stored rows and names the first broken link. */
  async verify(inspectionId: string): Promise<TrailVerification> {
    const entries = await this.trail.entries(inspectionId);
    const broken = firstBreak(entries);
    return { inspectionId, entries: entries.length, intact: broken === null, firstBreak: broken };
  }

  /** Every trail in the database, walked in order with flat memory; yields each broken chain. */
  async *broken(): AsyncGenerator<TrailVerification & { checked: number }> {
    let after = '';
    let checked = 0;
    for (;;) {
      const ids = await this.trail.inspectionIdsAfter(after, 500);
      if (!ids.length) return;
      for (const id of ids) {
        checked += 1;
        const result = await this.verify(id);
        if (!result.intact) yield { ...result, checked };
      }
      after = ids[ids.length - 1];
    }
  }
}
