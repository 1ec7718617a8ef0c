import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  colourChangeText, DEFAULT_RECTIFY_DAYS, userActor,
  type ColourListChange, type ColourListHistoryEntry, type ColourListView, type SessionUser, type ViolationColour,
} from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { forbidden, invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { TrailRepository } from '../../trail/index.js';
import { AgencyRepository } from '../agency.repository.js';
import { ViolationColourRepository } from '../violation-colour.repository.js';

/** The trail chain keeping an agency's list history (the trail's key holds 64 characters). */
export function colourListChain(agencyId: string): string {
  const chain = `colours:${agencyId}`;
  return chain.length <= 64 ? chain : `colours:#${createHash('sha256').update(agencyId).digest('hex').slice(0, 48)}`;
}

/** 三色清单: an agency's colours for its items, edited by its admin (supervisors for any agency), history on the trail. */
@Injectable()
export class ColourList {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ViolationColourRepository) private readonly colours: ViolationColourRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /** The agency an admin works on: their own; a supervisor names one. */
  agencyOf(user: SessionUser, asked: string | undefined): string {
    const scope = agencyScope(user);
    if (scope !== null && asked && asked !== scope) throw forbidden('不能访问其他部门的数据');
    if (scope !== null) return scope;
    if (!asked) throw invalid('agencyId', '请选择执法部门');
    return asked;
  }

  async view(user: SessionUser, asked?: string): Promise<ColourListView> {
    const agencyId = this.agencyOf(user, asked);
    const [names, items] = await Promise.all([this.agencies.namesOf([agencyId]), this.colours.ofAgency(agencyId)]);
    const agencyName = names.get(agencyId);
    if (agencyName === undefined) throw invalid('agencyId', '没有这个执法部门');
    return {
      agencyId, agencyName,
      entries: items.map((i) => ({
        itemId: i.itemId, itemName: i.itemName, basis: i.basis, colour: i.colour,
        rectifyDays: i.rectifyDays ?? DEFAULT_RECTIFY_DAYS, updatedAt: i.updatedAt?.toISOString() ?? null,
      })),
    };
  }

  /** Applies the changes together; each item must be the agency's. Nothing changed → nothing written. */
  async change(user: SessionUser, asked: string | undefined, changes: ColourListChange[], now = new Date()): Promise<ColourListView> {
    const agencyId = this.agencyOf(user, asked);
    await this.transactions.run(async (tx) => {
      const items = new Map((await this.colours.ofAgency(agencyId, tx)).map((i) => [i.itemId, i]));
      // Every item is checked before anything is written.
      const foreign = changes.findIndex((change) => !items.has(change.itemId));
      if (foreign >= 0) throw invalid(`changes.${foreign}.itemId`, '不是本部门的检查事项');
      const texts: string[] = [];
      const done: { itemId: string; colour: ViolationColour | null; rectifyDays: number | null }[] = [];
      for (const change of changes) {
        const item = items.get(change.itemId)!;
        const days = change.colour === null ? null : change.rectifyDays ?? item.rectifyDays ?? DEFAULT_RECTIFY_DAYS;
        if (item.colour === change.colour && (change.colour === null || item.rectifyDays === days)) continue;
        if (change.colour === null) await this.colours.remove(item.itemId, tx);
        else await this.colours.put(agencyId, { itemId: item.itemId, colour: change.colour, rectifyDays: days! }, now, tx);
        texts.push(colourChangeText(item.itemName, item.colour, change.colour, days));
        done.push({ itemId: item.itemId, colour: change.colour, rectifyDays: days });
        items.set(item.itemId, { ...item, colour: change.colour, rectifyDays: days });
      }
      if (done.length) {
        await this.trail.append({ inspectionId: colourListChain(agencyId), kind: 'colour-list-changed', actor: userActor(user), at: now, detail: { agencyId, changes: done, texts } }, tx);
      }
    }, 'READ COMMITTED');
    return this.view(user, agencyId);
  }

  /** Every change, newest first, in Chinese. */
  async history(user: SessionUser, asked?: string): Promise<ColourListHistoryEntry[]> {
    const agencyId = this.agencyOf(user, asked);
    const entries = await this.trail.entries(colourListChain(agencyId));
    return entries.reverse().map((e) => {
      const detail = JSON.parse(e.detail) as { texts?: string[] };
      return { at: e.at.toISOString(), actor: e.actor, changes: detail.texts ?? [] };
    });
  }
}
