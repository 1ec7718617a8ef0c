import { gradeTone, inspectionStatusTone, resultTone, triggerTone } from './tones';

describe('tones', () => {
  it('colours credit grades from good to bad, unknown ones neutral', () => {
    expect(['A', 'B', 'C', 'D', 'E'].map(gradeTone)).toEqual(['success', 'info', 'warning', 'danger', 'neutral']);
  });

  it('colours an inspection by where it stands', () => {
    expect(inspectionStatusTone('planned')).toBe('neutral');
    expect(inspectionStatusTone('on-site')).toBe('warning');
    expect(inspectionStatusTone('finished')).toBe('success');
  });

  it('colours findings and results alike', () => {
    expect(['pass', 'rectify', 'violation', 'case', 'unheard-of'].map(resultTone)).toEqual(['success', 'warning', 'danger', 'danger', 'neutral']);
  });

  it('marks emergency plans only', () => {
    expect(triggerTone('emergency')).toBe('danger');
    expect(triggerTone('planned')).toBe('primary');
    expect(triggerTone('complaint')).toBe('primary');
  });
});
