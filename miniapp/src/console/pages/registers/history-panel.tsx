import { Text, View } from '@tarojs/components';
import type { HistoryLine, RegisterEntry } from '../../logic/registers';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';

/** #register-history-panel: an entry's changes, newest first, who made each (.history-line). */
export function HistoryPanel({ entry, lines, failure, onClose }: { entry: RegisterEntry; lines: HistoryLine[] | null; failure: string; onClose: () => void }) {
  return (
    <Panel id='register-history-panel' title={`变更记录：${(entry as { name: string }).name}`} action={<ConsoleButton id='register-history-close' onClick={onClose}>关闭</ConsoleButton>}>
      {!lines && <Text className='console__muted'>正在读取…</Text>}
      {failure && <Text className='console__error'>{failure}</Text>}
      {lines?.length === 0 && !failure && <Text className='console__muted'>暂无变更记录</Text>}
      {lines?.map((line, index) => (
        <View key={index} className='console-row history-line'>
          <Text className='history-line__head'>
            {line.time} · {line.actor} · {line.action}
          </Text>
          {line.changes.map((change) => (
            <Text key={change} className='history-line__change'>
              {change}
            </Text>
          ))}
        </View>
      ))}
    </Panel>
  );
}
