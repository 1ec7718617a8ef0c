import type { ScenarioView } from '../joint-scenario.repository.js';
import { scenarioGap } from './scenario-gap.js';

const scenario = (id: string, industries: string[], agencyIds: string[]): ScenarioView => ({ id, name: id, industries, agencyIds, active: true });

describe('scenario gap', () => {
  const scenarios = [scenario('a-catering', ['catering'], ['A1', 'A2']), scenario('b-catering', ['catering', 'hotel'], ['A1', 'A3', 'A4'])];

  it('names the first scenario of the industry whose agencies have not all joined', () => {
    expect(scenarioGap(scenarios, 'catering', ['A1'])).toEqual({ scenario: 'a-catering', missingIds: ['A2'] });
    expect(scenarioGap(scenarios, 'catering', ['A1', 'A2'])).toEqual({ scenario: 'b-catering', missingIds: ['A3', 'A4'] });
    expect(scenarioGap(scenarios, 'catering', ['A1', 'A2', 'A3', 'A4'])).toBeNull();
  });

  it('ignores scenarios of other industries and scenarios naming none of the inspection\'s agencies', () => {
    expect(scenarioGap(scenarios, 'manufacturing', ['A1'])).toBeNull();
    expect(scenarioGap(scenarios, 'hotel', ['A2'])).toBeNull();
    expect(scenarioGap(scenarios, 'hotel', ['A3'])).toEqual({ scenario: 'b-catering', missingIds: ['A1', 'A4'] });
  });
});
