import { classViolation } from '@mashang/shared';
import { colourChoices, defaultColour, proposalText } from './colours';

const green = classViolation({ itemId: 'i', colour: 'green', rectifyDays: 7 }, 0);
const repeat = classViolation({ itemId: 'i', colour: 'green', rectifyDays: 7 }, 1);

describe('三色 on the officer’s form', () => {
  it('offers the colours that fit the outcome, green only for a first offence', () => {
    expect(colourChoices('pass', green)).toEqual([]);
    expect(colourChoices('rectify', green)).toEqual(['green', 'yellow']);
    expect(colourChoices('rectify', repeat)).toEqual(['yellow']);
    expect(colourChoices('violation', green)).toEqual(['red']);
  });
  it('starts from the proposal when it fits, else the outcome’s own colour', () => {
    expect(defaultColour('rectify', green)).toBe('green');
    expect(defaultColour('violation', green)).toBe('red');
    expect(defaultColour('rectify', repeat)).toBe('yellow');
    expect(defaultColour(null, green)).toBeNull();
  });
  it('explains the proposal in Chinese', () => {
    expect(proposalText(repeat)).toMatch(/^三色清单建议：黄色·限期整改，.*不适用首违不罚/);
  });
});
