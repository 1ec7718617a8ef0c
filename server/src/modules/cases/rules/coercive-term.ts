/** 查封、扣押: the term from the start, and the one extension it may get (行政强制法 第二十五条). */
export function coerciveDue(startedAt: Date, days: number): Date {
  return new Date(startedAt.getTime() + days * 86_400_000);
}

export type ExtensionRefusal = 'released' | 'already-extended' | 'lapsed';

/** Whether a measure may be extended now: once, while it is in force. */
export function extensionRefusal(measure: { releasedAt: Date | null; extendedAt: Date | null; dueAt: Date }, now: Date): ExtensionRefusal | null {
  if (measure.releasedAt) return 'released';
  if (measure.extendedAt) return 'already-extended';
  if (now >= measure.dueAt) return 'lapsed';
  return null;
}
