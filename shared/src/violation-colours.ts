import type { FindingOutcome } from './onsite.js';

/**
 * 三色 classing of a violation found on site, per the agency's list (分级分类处置清单):
 * green — a minor first offence: guidance, no penalty (首违不罚, 行政处罚法第三十三条);
 * yellow — rectify by a deadline, then a follow-up check (限期整改、复查);
 * red — a penalty case (立案).
 */
export type ViolationColour = 'green' | 'yellow' | 'red';
export const VIOLATION_COLOUR_VALUES: readonly ViolationColour[] = ['green', 'yellow', 'red'];

export const VIOLATION_COLOURS: Record<ViolationColour, { label: string; short: string; officer: string; enterprise: string }> = {
  green: {
    label: '绿色·首违不罚',
    short: '绿色',
    officer: '初次轻微违法：当场说明、教育指导，不予处罚',
    enterprise: '属于初次轻微违法，依法不予处罚。请按执法人员的指导当场改正，今后注意遵守相关规定；同一问题再次出现将不再适用首违不罚。',
  },
  yellow: {
    label: '黄色·限期整改',
    short: '黄色',
    officer: '责令限期整改，期满后复查',
    enterprise: '请在整改期限内改正。期满后执法人员将上门复查；按期改正的不再处理，逾期未改正的将依法立案查处。',
  },
  red: {
    label: '红色·立案查处',
    short: '红色',
    officer: '违法行为较重或屡犯：立案查处',
    enterprise: '该问题已依法立案查处。执法部门将向您送达行政处罚告知书，您可以通过告知书上的监督码陈述、申辩或申请听证。',
  },
};

/** An agency's list entry for one of its items: the colour of a violation of it. */
export interface ColourRule {
  itemId: string;
  colour: ViolationColour;
  /** Days to rectify a yellow violation (the officer may set another deadline). */
  rectifyDays: number;
}

export const DEFAULT_RECTIFY_DAYS = 15;
export const MAX_RECTIFY_DAYS = 180;

/** How a violation is classed, and why, in words the officer reads. */
export interface ColourClassing {
  colour: ViolationColour;
  /** A listed green that is not a first offence goes up to yellow. */
  escalated: boolean;
  reason: string;
  rectifyDays: number;
}

/**
 * Classes a violation of an item by an enterprise. `priorViolations` counts the enterprise's earlier
 * violations of the same item (any colour, any agency's inspection of it). Green holds only for a first
 * offence (首违不罚); a repeat escalates to yellow. An item the agency has not listed is yellow: the
 * officer orders rectification, and files a case where the facts call for one.
 */
export function classViolation(rule: ColourRule | null, priorViolations: number): ColourClassing {
  if (!rule) return { colour: 'yellow', escalated: false, reason: '该事项未列入本部门三色清单，按限期整改处理', rectifyDays: DEFAULT_RECTIFY_DAYS };
  if (rule.colour === 'green' && priorViolations > 0) {
    return { colour: 'yellow', escalated: true, reason: `该企业此前已有${priorViolations}次同一事项违法，不适用首违不罚，升为黄色`, rectifyDays: rule.rectifyDays };
  }
  const reasons: Record<ViolationColour, string> = {
    green: '清单列为绿色，且为该企业首次违反该事项',
    yellow: '清单列为黄色',
    red: '清单列为红色',
  };
  return { colour: rule.colour, escalated: false, reason: reasons[rule.colour], rectifyDays: rule.rectifyDays };
}

/**
 * The finding's outcome in the exchange format's terms: green and yellow are orders to rectify
 * (green at once, on the day), red is a violation that makes a case.
 */
export function outcomeOfColour(colour: ViolationColour): FindingOutcome {
  return colour === 'red' ? 'violation' : 'rectify';
}

/** The colour a recorded outcome may carry: only violations and rectifications have one. */
export function colourFitsOutcome(colour: ViolationColour, outcome: FindingOutcome): boolean {
  return outcomeOfColour(colour) === outcome;
}

/** One entry of an agency's list as the console edits it. */
export interface ColourListEntry extends ColourRule {
  itemName: string;
  basis: string;
  updatedAt: string | null;
}

export interface ColourListView {
  agencyId: string;
  agencyName: string;
  /** Every item of the agency: listed ones with their colour, the rest with `colour: null`. */
  entries: (Omit<ColourListEntry, 'colour'> & { colour: ViolationColour | null })[];
}

export interface ColourListChange {
  itemId: string;
  /** null takes the item off the list. */
  colour: ViolationColour | null;
  rectifyDays?: number;
}

/** What a list change did, in Chinese, for the history. */
export function colourChangeText(itemName: string, before: ViolationColour | null, after: ViolationColour | null, days: number | null): string {
  const name = (c: ViolationColour | null) => (c ? VIOLATION_COLOURS[c].short : '未列入');
  const suffix = after === 'yellow' && days !== null ? `，整改期限${days}天` : '';
  return `${itemName}：${name(before)} → ${name(after)}${suffix}`;
}

/**
 * The colour a finding is recorded with. A pass has none. The officer may confirm the proposed colour
 * or choose another that fits the outcome, except green where the rule does not give it (a repeat is
 * never 首违不罚). Without a choice: the proposal when it fits the outcome, else the outcome's own
 * colour (a case is red, an order to rectify yellow).
 */
export function colourOfFinding(
  classed: ColourClassing, outcome: FindingOutcome, chosen?: ViolationColour | null,
): { colour: ViolationColour | null } | { problem: string } {
  if (outcome === 'pass') return chosen ? { problem: '合格的检查事项没有三色分类' } : { colour: null };
  if (chosen) {
    if (!colourFitsOutcome(chosen, outcome)) return { problem: `${VIOLATION_COLOURS[chosen].label}与所选检查结果不符` };
    if (chosen === 'green' && classed.colour !== 'green') return { problem: `不适用首违不罚：${classed.reason}` };
    return { colour: chosen };
  }
  if (colourFitsOutcome(classed.colour, outcome)) return { colour: classed.colour };
  return { colour: outcome === 'violation' ? 'red' : 'yellow' };
}

/** One change of an agency's list, as its history shows it (newest first). */
export interface ColourListHistoryEntry {
  at: string;
  /** The trail's actor (`user:<id>:<username>`). */
  actor: string;
  /** Each item's change in Chinese (colourChangeText). */
  changes: string[];
}

/** 整改复查: a yellow violation whose deadline has come (or comes within days), for its agency's officers. */
export interface FollowUpView {
  planId: string;
  itemId: string;
  itemName: string;
  creditCode: string;
  enterpriseName: string;
  rectifyBy: string;
  /** The deadline has passed. */
  overdue: boolean;
}

export interface FollowUpRequest {
  planId: string;
  itemId: string;
  /** Put right by the deadline: closed. Not: it goes red (立案查处). */
  rectified: boolean;
  note?: string;
  clientKey: string;
}

/** What the officer reads once the follow-up is recorded. */
export function followUpOutcomeText(rectified: boolean): string {
  return rectified ? '已按期整改，复查通过，本项处置完毕。' : '逾期未整改：转为红色，依法立案查处（在行政处罚案件中立案）。';
}
