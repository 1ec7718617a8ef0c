/*
 * 双随机一公开: the published random draws, for anyone (no login). The list, and one draw with what it
 * was drawn from, its commitment and seed, the enterprises drawn and what became of each, and a
 * button that re-runs the draw in this browser to check it. Opened at
 * /h5/enterprise.html#/enterprise/pages/draws/index (one draw: ?id=<draw id>).
 * Element ids for browser tests: #draws-status, .draws-item[data-id], #draw-name, #draw-status,
 * #draw-commitment, #draw-seed, #draw-entropy, #draw-proportions, #draw-population, .draw-outcome,
 * #draw-verify, #draw-check (draws-check--ok / --bad), .draw-check-line, #draws-back.
 */
import { Button, Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { DrawCheck, DrawView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { StatusBanner } from '../../../components/status-banner';
import {
  drawIdFromParams, drawStatusText, outcomeLines, periodText, populationText, proportionsText, verifyInBrowser, whenText,
} from '../../../logic/draws';
import { publishedDraw, publishedDraws } from '../../../services/draws';
import './index.css';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'list'; draws: DrawView[] } | { kind: 'one'; draw: DrawView };

function Line({ label, id, mono, children }: { label: string; id?: string; mono?: boolean; children: string }) {
  return (
    <View className='draws-line'>
      <Text className='draws-label'>{label}</Text>
      <Text id={id} className={mono ? 'draws-mono' : 'draws-value'}>{children}</Text>
    </View>
  );
}

export default function DrawsPage() {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [check, setCheck] = useState<DrawCheck | null>(null);
  const [checking, setChecking] = useState(false);

  const open = async (id: string | null) => {
    setCheck(null);
    setState({ kind: 'loading' });
    try {
      setState(id ? { kind: 'one', draw: await publishedDraw(id) } : { kind: 'list', draws: await publishedDraws() });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  useLoad(() => void open(drawIdFromParams(router.params)));

  const verify = async (draw: DrawView) => {
    setChecking(true);
    try {
      setCheck(await verifyInBrowser(draw));
    } finally {
      setChecking(false);
    }
  };

  if (state.kind === 'loading' || state.kind === 'failed') {
    return (
      <View className='draws'>
        <StatusBanner id='draws-status' tone={state.kind === 'failed' ? 'danger' : 'neutral'} title={state.kind === 'failed' ? '暂时打不开' : '正在打开…'} subtitle={state.kind === 'failed' ? '请检查网络后重试' : '请稍候'} />
      </View>
    );
  }

  if (state.kind === 'list') {
    return (
      <View className='draws'>
        <StatusBanner id='draws-status' tone='neutral' title='双随机抽查公示' subtitle='随机抽取检查对象、随机选派执法人员，抽查情况及查处结果及时公开' />
        <Card title='已公布的抽查'>
          {!state.draws.length && <Text className='draws-value'>暂无</Text>}
          {state.draws.map((d) => (
            <View key={d.id} className='draws-item' data-id={d.id} onClick={() => void open(d.id)}>
              <Text className='draws-value'>{d.name}</Text>
              <Text className='draws-label'>{`${d.agencyName} · ${drawStatusText(d)} · ${periodText(d)}`}</Text>
            </View>
          ))}
        </Card>
      </View>
    );
  }

  const { draw } = state;
  return (
    <View className='draws'>
      <StatusBanner id='draws-status' tone={draw.status === 'drawn' ? 'success' : 'neutral'} title={draw.name} titleId='draw-name' subtitle={drawStatusText(draw)} />
      <Card title='抽查事项'>
        <Line label='组织部门'>{draw.agencyName}</Line>
        <Line label='检查事项'>{draw.items.map((i) => i.name).join('、')}</Line>
        <Line label='检查期间'>{periodText(draw)}</Line>
        <Line label='抽取比例' id='draw-proportions'>{proportionsText(draw)}</Line>
        <Line label='抽取范围' id='draw-population'>{populationText(draw)}</Line>
        <Line label='状态' id='draw-status'>{drawStatusText(draw)}</Line>
      </Card>
      <Card title='公开验证'>
        <Line label={`抽取前公布的承诺值（${whenText(draw.committedAt)}）`} id='draw-commitment' mono>{draw.commitment}</Line>
        <Line label='公开随机数' id='draw-entropy'>{draw.publicEntropy || (draw.status === 'drawn' ? '（无）' : '抽取时公布')}</Line>
        <Line label={draw.drawnAt ? `种子（${whenText(draw.drawnAt)} 抽取后公开）` : '种子'} id='draw-seed' mono>{draw.seed ?? '抽取后公开'}</Line>
        {draw.status === 'drawn' && (
          <PrimaryButton id='draw-verify' disabled={checking} onClick={() => void verify(draw)}>{checking ? '正在验证…' : '在本机重新抽取并验证'}</PrimaryButton>
        )}
        {check && (
          <View id='draw-check' className={`draws-check ${check.ok ? 'draws-check--ok' : 'draws-check--bad'}`}>
            <Text className='draws-value'>{check.ok ? '验证通过：结果与公开的输入和种子一致' : '验证未通过'}</Text>
            {check.lines.map((line) => <Text key={line} className='draw-check-line draws-label'>{line}</Text>)}
          </View>
        )}
      </Card>
      {draw.status === 'drawn' && (
        <Card title={`抽中企业（${draw.outcomes.length} 户）`}>
          {outcomeLines(draw).map((o) => (
            <View key={o.key} className='draws-item draw-outcome'>
              <Text className='draws-value'>{o.name}</Text>
              <Text className='draws-label'>{o.state}</Text>
            </View>
          ))}
        </Card>
      )}
      <Button id='draws-back' onClick={() => void open(null)}>返回公示列表</Button>
    </View>
  );
}
