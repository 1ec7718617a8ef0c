import { Foundation1763740000000 } from './1763740000000-foundation.js';
/** Every migration in order; the app, the CLI and the tests run exactly these. */
export const MIGRATIONS = [Foundation1763740000000];
