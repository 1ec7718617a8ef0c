import { EXCHANGE_KIND_LABELS, type ImportStatusView } from '@mashang/shared';

/** The exchange format's files in import order (every reference points to an earlier file). */
export const IMPORT_KINDS = Object.keys(EXCHANGE_KIND_LABELS) as (keyof typeof EXCHANGE_KIND_LABELS)[];
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ChosenImportFile<F> {
  kind: ImportKind;
  name: string;
  size: number;
  file: F;
}

/**
 * Sorts picked files into the format's files by name (`officers.jsonl`, also `.ndjson`), in import
 * order; names that are no file of the format, or a file picked twice, are reported instead.
 */
export function sortImportFiles<F>(files: readonly { name: string; size: number; file: F }[]): { chosen: ChosenImportFile<F>[]; problems: string[] } {
  const chosen = new Map<ImportKind, ChosenImportFile<F>>();
  const problems: string[] = [];
  for (const picked of files) {
    const match = /^([a-z]+)\.(jsonl|ndjson)$/i.exec(picked.name.trim());
    const kind = match?.[1].toLowerCase() as ImportKind | undefined;
    if (!kind || !IMPORT_KINDS.includes(kind)) {
      problems.push(`${picked.name}：不是数据交换格式的文件，文件名应为 ${IMPORT_KINDS.map((k) => `${k}.jsonl`).join('、')} 之一`);
    } else if (chosen.has(kind)) {
      problems.push(`${picked.name}：与 ${chosen.get(kind)!.name} 同为${EXCHANGE_KIND_LABELS[kind]}文件，只能选一个`);
    } else {
      chosen.set(kind, { kind, name: picked.name, size: picked.size, file: picked.file });
    }
  }
  return { chosen: IMPORT_KINDS.flatMap((kind) => (chosen.has(kind) ? [chosen.get(kind)!] : [])), problems };
}

export const fileSizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`);

/** One problem as the format's contract writes it: `file:line: field: reason`. */
export const problemLine = (p: { file: string; line: number; field: string; reason: string }) => `${p.file}:${p.line}: ${p.field}: ${p.reason}`;

/** Where an import stands, for the progress bar: a label and a percentage. */
export interface ImportStage {
  label: string;
  percent: number;
  done: boolean;
  ok: boolean;
}

/** Uploading the files (by bytes sent), then the job: checking every line, then writing. */
export function importStage(uploaded: { sent: number; total: number } | null, status: ImportStatusView | null): ImportStage {
  if (!status || status.state === 'uploading') {
    const percent = uploaded && uploaded.total ? Math.floor((uploaded.sent / uploaded.total) * 100) : 0;
    return { label: `正在上传文件 ${percent}%`, percent, done: false, ok: true };
  }
  if (status.state === 'waiting') return { label: '已上传，等待导入…', percent: 0, done: false, ok: true };
  if (status.state === 'active') {
    const progress = status.progress;
    const what = progress?.phase === 'write' ? '正在写入' : '正在校验';
    const percent = Math.floor(progress?.percent ?? 0);
    return { label: `${what}${progress ? `（${progress.file}，第 ${progress.lines} 行）` : ''} ${percent}%`, percent, done: false, ok: true };
  }
  if (status.state === 'failed') return { label: `导入失败：${status.error ?? '原因不明'}，未导入任何数据`, percent: 100, done: true, ok: false };
  if (status.result && !status.result.ok) {
    return { label: `校验未通过：共 ${status.result.problemCount} 个问题，未导入任何数据`, percent: 100, done: true, ok: false };
  }
  return { label: `导入完成：${countsText(status.result?.counts ?? {})}`, percent: 100, done: true, ok: true };
}

/** "执法部门 3 条、执法人员 5 条" */
export function countsText(counts: Partial<Record<string, number>>): string {
  const parts = IMPORT_KINDS.filter((kind) => counts[kind] !== undefined).map((kind) => `${EXCHANGE_KIND_LABELS[kind]} ${counts[kind]} 条`);
  return parts.length ? parts.join('、') : '没有数据';
}

/** More problems than the server listed: say how many are not shown. */
export function moreProblemsText(status: ImportStatusView | null): string {
  const result = status?.result;
  if (!result || result.problemCount <= result.problems.length) return '';
  return `…… 另有 ${result.problemCount - result.problems.length} 个问题未列出`;
}
