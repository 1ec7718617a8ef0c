import type { ChecklistStake, JointChecklist } from '@mashang/shared';
import { openRows, rowItemState, rowStates, stakeDrafts } from './joint-checklist';
import type { QueuedAction } from './offline-queue';
import { findingAction } from './onsite';

const stake = (planId: string, itemId: string, proposal: 'green' | 'yellow' | 'red' = 'yellow'): ChecklistStake => ({
  planId, agencyId: planId === 'P1' ? 'A1' : 'A2', agencyName: planId === 'P1' ? '市场监管局' : '消防救援支队', itemId, itemName: itemId, finding: null,
  proposal: { colour: proposal, escalated: false, reason: '清单', rectifyDays: 10 },
});
const checklist: JointChecklist = {
  leadPlanId: 'P1', joint: true,
  rows: [
    { key: 'basis:a', name: '消防器材', basis: '《消防法》第十六条', stakes: [stake('P1', 'M2', 'green'), { ...stake('P2', 'F1'), finding: { outcome: 'pass', rectifyBy: null, note: null, at: '2026-12-06T02:00:00Z', colour: null } }] },
    { key: 'basis:b', name: '疏散通道', basis: '《消防法》第二十八条', stakes: [stake('P2', 'F2')] },
  ],
};
const queued = (action: QueuedAction['action'], refused = false) => ({ action, label: '', queuedAt: 0, ...(refused ? { refused: { code: 'x', message: 'x' } } : {}) }) as QueuedAction;

describe('the merged checklist on the phone', () => {
  it('lays queued findings over each agency’s stake, ignoring refused ones', () => {
    const mine = findingAction('P1', { id: 'M2', name: 'M2' }, { outcome: 'rectify', rectifyBy: '', note: '', colour: 'green' }).action;
    const refused = findingAction('P2', { id: 'F2', name: 'F2' }, { outcome: 'pass', rectifyBy: '', note: '' }).action;
    const states = rowStates(checklist, [queued(mine), queued(refused, true)]);
    expect(states[0].stakes.map((s) => [s.stake.itemId, s.outcome, s.colour, s.pending])).toEqual([['M2', 'rectify', 'green', true], ['F1', 'pass', null, false]]);
    expect(openRows(states).map((s) => s.row.key)).toEqual(['basis:b']);
  });

  it('records a row for every agency, keeping green only where that agency’s list gives it', () => {
    const [row] = rowStates(checklist, []);
    const drafts = stakeDrafts(row, { outcome: 'rectify', rectifyBy: '', note: '当场整改', colour: 'green' });
    expect(drafts.map((d) => [d.stake.planId, d.stake.itemId, d.draft.colour, d.draft.note])).toEqual([['P1', 'M2', 'green', '当场整改'], ['P2', 'F1', null, '当场整改']]);
    expect(rowItemState(row).item).toMatchObject({ id: 'basis:a', name: '消防器材', proposal: { colour: 'green' } });
  });
});
