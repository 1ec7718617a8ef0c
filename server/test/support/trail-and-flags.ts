import type { TrailKind } from '@mashang/shared';
import type { EntityManager } from 'typeorm';
import { FlaggedCaseRepository, FlagRaiser, type RaiseFlag } from '../../src/modules/flags/index.js';
import { TrailRepository } from '../../src/modules/trail/index.js';

/** Fixtures: a trail entry appended in `manager`'s transaction, as the modules append them. */
export function appendTrail(manager: EntityManager, inspectionId: string, kind: TrailKind, actor: string, detail: Record<string, unknown>, at = new Date()) {
  return new TrailRepository(manager.connection).append({ inspectionId, kind, actor, detail, at }, manager);
}

/** Fixtures: a flagged case raised in `manager`'s transaction, as the modules raise them. */
export function raiseFlag(manager: EntityManager, flag: RaiseFlag, at = new Date()) {
  const raiser = new FlagRaiser(new FlaggedCaseRepository(manager.connection), new TrailRepository(manager.connection));
  return raiser.raiseOne(flag, at, manager);
}
