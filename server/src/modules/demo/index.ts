/**
 * The demo city: generated data for demonstrations, tests and benchmarks. Only the CLI, the
 * benchmarks and the tests import it; the app never does.
 */
export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './data/logins.js';
export { createDemoLogins, loadDemoBenchmarks, loadDemoCity } from './demo-loader.js';
export { demoBenchmarks } from './generate/benchmarks.js';
export { generateDemoCity, type DemoCityCounts, type DemoCityOptions } from './generate/demo-city.js';
export { PLANT_SCENARIOS } from './generate/scenarios.js';
export { DEMO_CITY_SIZES, demoCitySize, type DemoCitySize, type DemoSize } from './sizes.js';
export { createDemoBureau, DEMO_BUREAU } from './demo-bureau.js';
