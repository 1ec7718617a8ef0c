import { daysBetween, isCalendarDate, SHANGHAI_OFFSET_MS, shanghaiDate } from '@mashang/shared';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDate(now);
}

/** 2026-12-02 → 2026年12月2日 星期三 (for people, not forms); anything else is shown as it is. */
export function chineseDate(date: string, withWeekday = true): string {
  if (!isCalendarDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${year}年${month}月${day}日${withWeekday ? ` 星期${weekday}` : ''}`;
}

/** A date in words and how far it is from today: 2026年12月9日 星期三（3天后）, …（今天）, …（2天前）. */
export function chineseDateFromToday(date: string, today: string): string {
  if (!isCalendarDate(date)) return date;
  const ahead = daysBetween(today, date);
  const distance = ahead === 0 ? '（今天）' : ahead > 0 ? `（${ahead}天后）` : `（${-ahead}天前）`;
  return `${chineseDate(date)}${distance}`;
}

/** An instant as Asia/Shanghai wall time, YYYY-MM-DD HH:mm; unreadable input is shown as it is. */
export function shanghaiDateTime(instant: string | number | Date): string {
  const t = new Date(instant).getTime();
  if (Number.isNaN(t)) return String(instant);
  const iso = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
