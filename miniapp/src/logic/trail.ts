/**
 * Plain-Chinese labels of an inspection's trail (全过程留痕) and of what it records, for the officer's
 * inspection page: the labels and lines themselves live in shared, where the server's view of the
 * trail for the enterprise is written with them too.
 */
import { actorUsername } from '@mashang/shared';

export { documentKindLabel, outcomeLabel, resultLabel, trailDetailLine, trailKindLabel } from '@mashang/shared';

/** Who did it: `user:12:officer1` → officer1; entries the server wrote itself → 系统. */
export function actorLabel(actor: string): string {
  return actorUsername(actor) ?? (actor.startsWith('user:') ? actor : '系统');
}
