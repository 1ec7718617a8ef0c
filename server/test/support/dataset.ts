import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a dataset folder: one JSON Lines file per key (raw strings are written as they are). */
export function writeDataset(files: Record<string, (object | string)[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mashang-dataset-'));
  mkdirSync(dir, { recursive: true });
  for (const [kind, lines] of Object.entries(files)) {
    writeFileSync(join(dir, `${kind}.jsonl`), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  }
  return dir;
}

export const SMALL_DATASET = {
  agencies: [
    { id: 'A1', name: '市市场监督管理局', kind: 'market', region: '410202' },
    { id: 'A2', name: '市消防救援支队', kind: 'fire', region: '410203' },
  ],
  officers: [
    { id: 'O1', agencyId: 'A1', name: '张伟', certNo: '豫C0000001', phone: '13812345678' },
    { id: 'O2', agencyId: 'A1', name: '王芳', certNo: '豫C0000002', certExpires: '2027-06-30' },
    { id: 'O3', agencyId: 'A2', name: '李娜', certNo: '豫C0000003' },
  ],
  items: [
    { id: 'I1', agencyId: 'A1', name: '食品经营许可检查', basis: '《中华人民共和国食品安全法》第八十七条' },
    { id: 'I2', agencyId: 'A2', name: '消防设施检查', basis: '《中华人民共和国消防法》第十六条', noDisturb: true },
  ],
  enterprises: [
    { creditCode: '91440300708461136T', name: '开封宏达机械制造有限公司', industry: 'manufacturing', region: '410202', phone: '13900001111', creditGrade: 'B' },
    { creditCode: '91110000802100433B', name: '开封市鼓楼区老王烩面馆', industry: 'catering', region: '410204', creditGrade: 'A', lowTouch: true },
  ],
  inspections: [
    { id: 'X1', agencyId: 'A1', officerIds: ['O2', 'O1'], creditCode: '91440300708461136T', itemIds: ['I1'], trigger: 'planned', jointId: 'J1', startedAt: '2026-03-01T09:30:00+08:00', finishedAt: '2026-03-01T10:30:00+08:00', coded: true, result: 'case' },
    { id: 'X2', agencyId: 'A2', officerIds: ['O3'], creditCode: '91440300708461136T', itemIds: ['I2'], trigger: 'planned', jointId: 'J1', startedAt: '2026-03-01T09:30:00+08:00', finishedAt: '2026-03-01T11:00:00+08:00', coded: true, result: 'pass' },
    { id: 'X3', agencyId: 'A1', officerIds: ['O1'], creditCode: '91110000802100433B', itemIds: [], trigger: 'emergency', startedAt: '2026-04-02T23:10:00Z', finishedAt: '2026-04-03T01:00:00Z', coded: false, codedAt: '2026-04-04T08:00:00+08:00', result: 'pass' },
  ],
  cases: [
    { id: 'C1', agencyId: 'A1', officerIds: ['O1'], creditCode: '91440300708461136T', inspectionId: 'X1', cause: 'FSL-87', discretionLevel: 'general', fine: 500000, status: 'decided', filedAt: '2026-03-02T09:00:00+08:00', decidedAt: '2026-04-20T09:00:00+08:00', causeChanges: [{ from: 'FSL-86', to: 'FSL-87', at: '2026-03-10T10:00:00+08:00' }], coercive: true },
  ],
  ratings: [
    { inspectionId: 'X1', agencyId: 'A1', language: 5, procedure: 4, manner: 5, fairness: 2, verdict: 'disapprove', flags: ['repeated', 'excessive'], comment: '一个月来了两次', ratedAt: '2026-03-02T12:00:00+08:00' },
  ],
};
