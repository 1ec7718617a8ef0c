import { invalid } from '../../infra/errors/domain-error.js';
import { offlineTimeProblem } from './onsite-rules.js';

/** When an on-site step happened: now, or the phone's own time for an upload from its offline queue (within limits). */
export function eventTime(text: string | undefined, now: Date, offlineMaxAgeHours: number): Date {
  if (text === undefined) return now;
  const at = new Date(text);
  const problem = offlineTimeProblem(at, now, offlineMaxAgeHours);
  if (problem) throw invalid('at', problem);
  return at;
}
