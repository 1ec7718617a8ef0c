import { classViolation, colourChangeText, colourFitsOutcome, colourOfFinding, outcomeOfColour, DEFAULT_RECTIFY_DAYS } from './violation-colours.js';

describe('classViolation', () => {
  const green = { itemId: 'i1', colour: 'green' as const, rectifyDays: 7 };

  it('keeps green for a first offence (首违不罚)', () => {
    expect(classViolation(green, 0)).toMatchObject({ colour: 'green', escalated: false });
  });

  it('escalates green to yellow for a repeat offence of the item by the enterprise', () => {
    const classed = classViolation(green, 2);
    expect(classed).toMatchObject({ colour: 'yellow', escalated: true, rectifyDays: 7 });
    expect(classed.reason).toContain('不适用首违不罚');
  });

  it('keeps yellow and red as listed, first offence or not', () => {
    expect(classViolation({ ...green, colour: 'yellow' }, 3).colour).toBe('yellow');
    expect(classViolation({ ...green, colour: 'red' }, 0).colour).toBe('red');
  });

  it('classes an unlisted item yellow, with the default deadline', () => {
    expect(classViolation(null, 0)).toMatchObject({ colour: 'yellow', rectifyDays: DEFAULT_RECTIFY_DAYS });
  });
});

describe('colours and outcomes', () => {
  it('maps red to a case and the others to rectification', () => {
    expect(outcomeOfColour('red')).toBe('violation');
    expect(outcomeOfColour('green')).toBe('rectify');
    expect(colourFitsOutcome('yellow', 'violation')).toBe(false);
    expect(colourFitsOutcome('yellow', 'rectify')).toBe(true);
  });
  it('describes a list change in Chinese', () => {
    expect(colourChangeText('消防设施', null, 'yellow', 10)).toBe('消防设施：未列入 → 黄色，整改期限10天');
    expect(colourChangeText('消防设施', 'green', null, null)).toBe('消防设施：绿色 → 未列入');
  });
});

describe('colourOfFinding', () => {
  const greenFirst = classViolation({ itemId: 'i', colour: 'green', rectifyDays: 7 }, 0);
  const greenRepeat = classViolation({ itemId: 'i', colour: 'green', rectifyDays: 7 }, 1);

  it('gives a pass no colour and refuses one', () => {
    expect(colourOfFinding(greenFirst, 'pass')).toEqual({ colour: null });
    expect(colourOfFinding(greenFirst, 'pass', 'green')).toHaveProperty('problem');
  });
  it('takes the proposal when it fits, else the outcome’s own colour', () => {
    expect(colourOfFinding(greenFirst, 'rectify')).toEqual({ colour: 'green' });
    expect(colourOfFinding(greenFirst, 'violation')).toEqual({ colour: 'red' });
    expect(colourOfFinding(classViolation({ itemId: 'i', colour: 'red', rectifyDays: 7 }, 0), 'rectify')).toEqual({ colour: 'yellow' });
  });
  it('refuses green for a repeat offence, and a colour that does not fit the outcome', () => {
    expect(colourOfFinding(greenRepeat, 'rectify', 'green')).toEqual({ problem: expect.stringContaining('不适用首违不罚') });
    expect(colourOfFinding(greenFirst, 'violation', 'yellow')).toHaveProperty('problem');
    expect(colourOfFinding(greenRepeat, 'violation', 'red')).toEqual({ colour: 'red' });
  });
});
