import { addDays, shanghaiDate, type BookingSlot, type EnterpriseInspectionView, type EnterprisePenaltyCaseView, type EnterpriseSlotsView, type EnterpriseTrailView } from '@mashang/shared';
import { chineseDate, shanghaiDateTime } from './dates';
import type { Tone } from './tones';

/** The day an inspection started, in words: 2026年3月5日 星期四. */
export function inspectionDay(inspection: Pick<EnterpriseInspectionView, 'startedAt'>): string {
  return chineseDate(shanghaiDate(inspection.startedAt));
}

/** The colour of a result: 合格 green, 责令整改 amber, 立案 red. */
export function resultTone(resultLabel: string): Tone {
  if (resultLabel === '合格') return 'success';
  if (resultLabel === '责令整改') return 'warning';
  return resultLabel ? 'danger' : 'neutral';
}

/** What became of its rating, in one line: 尚未评价, 已评价：认可, 已评价：不认可 · 监督部门处理：已办结（已整改（立行立改）） */
export function ratingText(rating: EnterpriseInspectionView['rating']): string {
  if (!rating.rated) return '尚未评价（评价链接见检查结束后的短信）';
  const verdict = `已评价：${rating.verdictLabel ?? ''}`;
  if (!rating.outcome) return verdict;
  const { statusLabel, conclusionLabel } = rating.outcome;
  return `${verdict} · 监督部门处理：${statusLabel}${conclusionLabel ? `（${conclusionLabel}）` : ''}`;
}

/** 张伟（执法证号 豫C0000001）、李娜（…） */
export function officersText(officers: EnterpriseInspectionView['officers']): string {
  return officers.length ? officers.map((o) => `${o.name}（执法证号 ${o.certNo}）`).join('、') : '—';
}

/** One step of a trail as a line: 检查结果：食品经营许可检查：合格 */
export function trailLine(step: EnterpriseTrailView['steps'][number]): string {
  return step.detail ? `${step.step}：${step.detail}` : step.step;
}

/** Who took a step: an officer with the certificate number, or who else. */
export function trailActor(step: EnterpriseTrailView['steps'][number]): string {
  return step.by.certNo ? `${step.by.name}（执法证号 ${step.by.certNo}）` : step.by.name;
}

/** Fen as 元, two decimals: 500000 → 5,000.00 元. */
export function yuanText(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** The periods the party has on a noticed case, in words; '' when none runs. */
export function casePeriodsText(c: Pick<EnterprisePenaltyCaseView, 'statementUntil' | 'hearingUntil'>): string {
  const parts: string[] = [];
  if (c.statementUntil) parts.push(`陈述、申辩截止 ${shanghaiDateTime(c.statementUntil)}`);
  if (c.hearingUntil) parts.push(`申请听证截止 ${shanghaiDateTime(c.hearingUntil)}`);
  return parts.join('；');
}

/** What the enterprise marked, as the officers fixing the date read it: 企业方便的时间：12月9日上午、12月10日下午 */
export function enterpriseSlotsText(view: Pick<EnterpriseSlotsView, 'slots'>): string {
  return view.slots.length ? `企业方便的时间：${view.slots.map((s) => s.label).join('、')}` : '企业尚未选择方便的时间';
}

/** The days of a booking window, in order, each with its words: [{ date: '2026-12-09', label: '12月9日 星期三' }, …]. */
export function windowDays(window: { from: string; to: string }): { date: string; label: string }[] {
  const days: { date: string; label: string }[] = [];
  for (let date = window.from; date <= window.to && days.length < 31; date = addDays(date, 1)) {
    days.push({ date, label: chineseDate(date).replace(/^\d{4}年/, '') });
  }
  return days;
}

/** A half-day marked or unmarked: the set as sent back. */
export function toggleSlot(slots: readonly BookingSlot[], slot: BookingSlot): BookingSlot[] {
  const on = slots.some((s) => s.date === slot.date && s.half === slot.half);
  return on ? slots.filter((s) => !(s.date === slot.date && s.half === slot.half)) : [...slots, slot];
}
