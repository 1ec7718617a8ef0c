/*
 * 数据导入 (supervisors): the exchange format's files are uploaded, then imported by the server's job,
 * all or nothing: every line is checked first, and any problem means nothing is written. Ids for
 * browser tests: #import-files (an <input type="file" multiple>), #import-chosen with
 * .import-file[data-kind], #import-pick-problems, #import-start, #import-progress (data-percent;
 * .progress__bar inside), #import-stage, #import-problems with one .import-problem per
 * `file:line: field: reason`, #import-more, #import-error, #import-again.
 */
import { Text, View } from '@tarojs/components';
import { EXCHANGE_KIND_LABELS, type ImportStatusView } from '@mashang/shared';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { cx } from '../../../components/class-names';
import { errorMessage } from '../../../logic/api-error';
import { fileSizeText, importStage, moreProblemsText, problemLine, sortImportFiles, type ChosenImportFile } from '../../logic/imports';
import { createImport, importStatus, runImport, uploadImportFile } from '../../services/registers';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

/** How often a running import is asked where it stands. */
const POLL_MS = 800;

export default function ImportsPage() {
  const user = useDeskSession();
  const [chosen, setChosen] = useState<ChosenImportFile<File>[]>([]);
  const [pickProblems, setPickProblems] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [uploaded, setUploaded] = useState<{ sent: number; total: number } | null>(null);
  const [status, setStatus] = useState<ImportStatusView | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    const sorted = sortImportFiles(files.map((file) => ({ name: file.name, size: file.size, file })));
    setChosen(sorted.chosen);
    setPickProblems(sorted.problems);
    setStatus(null);
    setUploaded(null);
    setError('');
  };

  const follow = async (id: string) => {
    for (;;) {
      const next = await importStatus(id);
      if (!alive.current) return;
      setStatus(next);
      if (next.state === 'completed' || next.state === 'failed') return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const start = async () => {
    if (running || !chosen.length) return;
    setRunning(true);
    setError('');
    setStatus(null);
    const total = chosen.reduce((sum, c) => sum + c.size, 0);
    setUploaded({ sent: 0, total });
    try {
      const { id } = await createImport();
      let done = 0;
      for (const file of chosen) {
        await uploadImportFile(id, file.kind, file.file, (sent) => setUploaded({ sent: done + Math.min(sent, file.size), total }));
        done += file.size;
      }
      setStatus(await runImport(id));
      await follow(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const again = () => {
    setChosen([]);
    setPickProblems([]);
    setStatus(null);
    setUploaded(null);
    if (input.current) input.current.value = '';
  };

  const stage = uploaded || status ? importStage(uploaded, status) : null;
  const problems = status?.result?.problems ?? [];
  return (
    <ConsoleShell user={user} tab='imports'>
      <Panel title='数据导入（数据交换格式 JSON Lines）'>
        <Text className='console__muted'>
          先逐行校验所选的全部文件，有任何问题则不导入任何数据，问题按“文件:行号: 字段: 原因”逐条列出；校验通过后在一个事务中全部写入。名录（部门、人员、事项、企业）只写入有变化的记录，每项变化记入变更记录。
        </Text>
        <View className='import__pick'>
          <input id='import-files' ref={input} type='file' multiple accept='.jsonl,.ndjson,application/x-ndjson' disabled={running} onChange={pick} />
        </View>
        {chosen.length > 0 && (
          <View id='import-chosen'>
            {chosen.map((file) => (
              <Text key={file.kind} className='import-file console-row' data-kind={file.kind}>
                {EXCHANGE_KIND_LABELS[file.kind]}：{file.name}（{fileSizeText(file.size)}）
              </Text>
            ))}
          </View>
        )}
        {pickProblems.length > 0 && (
          <View id='import-pick-problems' className='console__error'>
            {pickProblems.map((line) => (
              <Text key={line} className='import-pick-problem'>
                {line}
              </Text>
            ))}
          </View>
        )}
        <View className='chips'>
          <ConsoleButton id='import-start' primary disabled={running || !chosen.length || Boolean(stage?.done)} onClick={() => void start()}>
            {running ? '正在导入…' : '开始导入'}
          </ConsoleButton>
          {stage?.done && (
            <ConsoleButton id='import-again' onClick={again}>
              重新选择文件
            </ConsoleButton>
          )}
        </View>
      </Panel>

      {error && (
        <Text id='import-error' className='console__error'>
          {error}
        </Text>
      )}

      {stage && (
        <Panel title='进度'>
          <View id='import-progress' className='progress' data-percent={String(stage.percent)}>
            <View className={cx('progress__bar', !stage.ok && 'progress__bar--bad', stage.done && stage.ok && 'progress__bar--done')} style={{ width: `${stage.percent}%` }} />
          </View>
          <Text id='import-stage' className={stage.done ? (stage.ok ? 'console__ok' : 'console__error') : 'console__muted'}>
            {stage.label}
          </Text>
          {problems.length > 0 && (
            <View id='import-problems' className='import__problems'>
              {problems.map((p, index) => (
                <Text key={index} className='import-problem'>
                  {problemLine(p)}
                </Text>
              ))}
              {moreProblemsText(status) && <Text id='import-more' className='console__muted'>{moreProblemsText(status)}</Text>}
            </View>
          )}
        </Panel>
      )}
    </ConsoleShell>
  );
}
