import type { DiscretionAssessment, DiscretionBenchmark } from './penalty-workflow.js';

/** A ticked factor the clause's benchmark does not have. */
export class UnknownFactorError extends Error {
  constructor(readonly factorId: string) {
    super(`unknown factor ${factorId}`);
  }
}

/**
 * The points of the ticked factors, the level their band gives (the heaviest band whose minimum they
 * reach; below the lightest band, the lightest) and that level's fine range.
 */
export function assessDiscretion(benchmark: DiscretionBenchmark, factorIds: readonly string[]): DiscretionAssessment {
  const byId = new Map(benchmark.factors.map((f) => [f.id, f]));
  let points = 0;
  for (const id of new Set(factorIds)) {
    const factor = byId.get(id);
    if (!factor) throw new UnknownFactorError(id);
    points += factor.points;
  }
  const bands = [...benchmark.bands].sort((a, b) => a.minPoints - b.minPoints);
  const level = (bands.filter((b) => points >= b.minPoints).pop() ?? bands[0]).level;
  return { points, level, range: benchmark.ranges[level] };
}

/** Whether a fine (fen) lies within the assessed range, ends included. */
export function withinRange(assessment: DiscretionAssessment, fine: number): boolean {
  return fine >= assessment.range.min && fine <= assessment.range.max;
}
