import { GIVEN, PHONE_PREFIXES, SURNAMES } from '../data/people.js';
import { pad } from './pad.js';
import type { Rng } from './rng.js';

export function personName(rng: Rng): string {
  return SURNAMES[rng.int(SURNAMES.length)] + rng.pick(GIVEN);
}

export function mobilePhone(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + pad(rng.int(100_000_000), 8);
}
