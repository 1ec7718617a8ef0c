import type { WindowLimit } from '../sign-in/code-limits.js';

/**
 * The public complaint form (码上响应, no sign-in): 5 complaints an hour from one address, 20 a day in the
 * name of one enterprise. Enough for anyone with something to say; a flood of made-up ones stops.
 */
export const PUBLIC_COMPLAINT_LIMITS = [
  { subject: 'address', window: 'hour', seconds: 3600, max: 5 },
  { subject: 'enterprise', window: 'day', seconds: 86_400, max: 20 },
] as const satisfies readonly WindowLimit[];

/** Characters of what happened a flagged case's title carries (the console lists it). */
export const TITLE_EXCERPT = 40;

/** A flagged case's one line: where the complaint came from and how it begins. */
export function complaintTitle(channel: 'portal' | 'public' | 'hotline', content: string, ticketNo: string | null): string {
  const text = content.replace(/\s+/g, ' ').trim();
  const excerpt = text.length > TITLE_EXCERPT ? `${text.slice(0, TITLE_EXCERPT)}…` : text;
  return channel === 'hotline' ? `12345热线工单 ${ticketNo}：${excerpt}` : `企业投诉（码上响应）：${excerpt}`;
}
