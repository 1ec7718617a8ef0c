import { Role, type ColourListView } from '@mashang/shared';
import { colourChanges, draftOf, mayEditColours } from './colours';

const view: ColourListView = {
  agencyId: 'A1', agencyName: '市场监管局',
  entries: [
    { itemId: 'I1', itemName: '食品经营许可', basis: '食品安全法', colour: 'green', rectifyDays: 7, updatedAt: null },
    { itemId: 'I2', itemName: '健康证明', basis: '食品安全法', colour: null, rectifyDays: 15, updatedAt: null },
  ],
};

describe('the 三色清单 editor', () => {
  it('sends only what changed', () => {
    expect(colourChanges(view, { I1: draftOf(view.entries[0]) })).toEqual({ changes: [] });
    expect(colourChanges(view, { I1: { colour: null, days: '7' }, I2: { colour: 'yellow', days: ' 10 ' } })).toEqual({
      changes: [{ itemId: 'I1', colour: null }, { itemId: 'I2', colour: 'yellow', rectifyDays: 10 }],
    });
  });
  it('names the item whose days are wrong', () => {
    expect(colourChanges(view, { I2: { colour: 'yellow', days: '0' } })).toEqual({ error: '健康证明：整改期限应为 1–180 天' });
  });
  it('lets admins and supervisors edit, discipline read', () => {
    expect(mayEditColours({ role: Role.AgencyAdmin })).toBe(true);
    expect(mayEditColours({ role: Role.Discipline })).toBe(false);
  });
});
