import {
  colourFitsOutcome, outcomeOfColour, VIOLATION_COLOURS, VIOLATION_COLOUR_VALUES,
  type ColourClassing, type FindingOutcome, type ViolationColour,
} from '@mashang/shared';
import type { Tone } from './tones';

/** 三色 in the design tokens' families: green success, yellow warning, red danger. */
const COLOUR_TONES: Record<ViolationColour, Tone> = { green: 'success', yellow: 'warning', red: 'danger' };

export function colourTone(colour: ViolationColour): Tone {
  return COLOUR_TONES[colour];
}

export function colourLabel(colour: ViolationColour): string {
  return VIOLATION_COLOURS[colour].label;
}

/** What the officer reads of the proposal: the colour, its handling and why. */
export function proposalText(proposal: ColourClassing): string {
  return `三色清单建议：${VIOLATION_COLOURS[proposal.colour].label}，${VIOLATION_COLOURS[proposal.colour].officer}。${proposal.reason}。`;
}

/** The colours the officer may pick for an outcome: those that fit it; green only where the rule gives it (首违不罚). */
export function colourChoices(outcome: FindingOutcome | null, proposal: ColourClassing | undefined): ViolationColour[] {
  if (!outcome || outcome === 'pass') return [];
  return VIOLATION_COLOUR_VALUES.filter((c) => colourFitsOutcome(c, outcome) && (c !== 'green' || proposal?.colour === 'green'));
}

/** The colour an outcome starts with: the proposal when it fits, else the outcome's own. */
export function defaultColour(outcome: FindingOutcome | null, proposal: ColourClassing | undefined): ViolationColour | null {
  const choices = colourChoices(outcome, proposal);
  if (!choices.length) return null;
  return proposal && choices.includes(proposal.colour) ? proposal.colour : choices.includes('yellow') ? 'yellow' : choices[0];
}

/** The outcome a colour means (green and yellow: rectify; red: a case). */
export { outcomeOfColour };
