import { Foundation1763740000000 } from './1763740000000-foundation.js';
import { Plans1763800000000 } from './1763800000000-plans.js';
import { ScenariosAndReviews1763900000000 } from './1763900000000-scenarios-and-reviews.js';
import { TrailAndFlags1764000000000 } from './1764000000000-trail-and-flags.js';

/** Every migration in order; the app, the CLI and the tests run exactly these. */
export const MIGRATIONS = [Foundation1763740000000, Plans1763800000000, ScenariosAndReviews1763900000000, TrailAndFlags1764000000000];
