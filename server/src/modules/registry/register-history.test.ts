import { REGISTER_FIELD_LABELS } from '@mashang/shared';
import { diffFields, REGISTER_FIELDS } from './register-history.js';

describe('register history', () => {
  it('has a Chinese label for every field it records, so no desk shows a raw key', () => {
    const fields = Object.values(REGISTER_FIELDS).flat();
    expect(fields.filter((field) => !REGISTER_FIELD_LABELS[field])).toEqual([]);
  });

  it('records what changed, phones masked, an officer taken off duty among them', () => {
    expect(diffFields({ name: '张伟', phone: '13812345678', active: true }, { name: '张伟', phone: '13900001111', active: false }, REGISTER_FIELDS.officer)).toEqual({
      phone: { from: '138****5678', to: '139****1111' },
      active: { from: true, to: false },
    });
  });
});
