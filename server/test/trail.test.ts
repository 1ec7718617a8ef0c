import type { DataSource } from 'typeorm';
import { firstBreak, TrailRepository } from '../src/modules/trail/index.js';
import { migratedDataSource } from './support/test-app.js';

describe('inspection trails', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await migratedDataSource('trail');
  });
  afterAll(() => dataSource.destroy());

  it('finds each trail\'s last entry, whatever its length, and appends a batch after it', async () => {
    const at = new Date('2026-03-01T02:00:00Z');
    const trails = new TrailRepository(dataSource);
    await trails.append({ inspectionId: 'T1', kind: 'filed', actor: 'user:1:a', detail: {}, at }, dataSource.manager);
    for (let i = 0; i < 3; i++) await trails.append({ inspectionId: 'T3', kind: 'finding', actor: 'user:1:a', detail: { i }, at }, dataSource.manager);
    const tails = await trails.tails(['T0', 'T1', 'T3']);
    expect(tails.map((t) => [t.inspection_id, Number(t.seq)]).sort()).toEqual([['T1', 1], ['T3', 3]]);

    await trails.appendMany(['T0', 'T1', 'T3', 'T3'].map((inspectionId, k) => ({ inspectionId, kind: 'flagged' as const, actor: 'system', detail: { k }, at })), dataSource.manager);
    for (const [id, seqs] of [['T0', [1]], ['T1', [1, 2]], ['T3', [1, 2, 3, 4, 5]]] as const) {
      const trail = await dataSource.query(
        'SELECT inspection_id AS inspectionId, seq, kind, actor, detail, at, prev_hash AS prevHash, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq',
        [id],
      );
      expect(trail.map((e: { seq: number }) => Number(e.seq))).toEqual(seqs);
      expect(firstBreak(trail.map((e: Record<string, unknown>) => ({ ...e, seq: Number(e.seq), at: new Date(e.at as Date) })) as never)).toBeNull();
    }
  });
});
