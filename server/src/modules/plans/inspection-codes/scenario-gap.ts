import type { ScenarioView } from '../joint-scenario.repository.js';

/** A joint-supervision scenario the inspection falls short of: the agencies it names that have not joined. */
export interface ScenarioGap {
  scenario: string;
  missingIds: string[];
}

/**
 * The first of the scenarios (active, in order) that covers the enterprise's industry and names one of
 * the inspection's agencies but not all of them; null when the inspection satisfies every one.
 */
export function scenarioGap(scenarios: readonly ScenarioView[], industry: string, memberAgencyIds: readonly string[]): ScenarioGap | null {
  for (const scenario of scenarios) {
    if (!scenario.industries.includes(industry) || !scenario.agencyIds.some((id) => memberAgencyIds.includes(id))) continue;
    const missingIds = scenario.agencyIds.filter((id) => !memberAgencyIds.includes(id));
    if (missingIds.length) return { scenario: scenario.name, missingIds };
  }
  return null;
}
