/*
 * The agency's penalty cases (行政处罚案件). Element ids for browser tests (H5): #pc-stage-filter with
 * chips `#pc-stage-<all|filed|notified|review|decided|closed|revoked>` (the chosen one `.radio-chip--on`);
 * #pc-total; #pc-list with one `.pc-row[data-case-id="…"]` per case (`.pc-row__stage`,
 * `.pc-row__deadline` (`.pc-row__deadline--overdue`), `.pc-row__objections` when the party has open
 * objections); tap a row for the case page; #pc-more, #pc-empty, #pc-error. Filing from a complaint:
 * '#pc-complaint-id input' (the complaint's flagged case number), #pc-complaint-file, #pc-complaint-error.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { PenaltyCaseListItem, PenaltyStage } from '@mashang/shared';
import { useRef, useState } from 'react';
import { LoadMoreButton, RetryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { cx } from '../../../components/class-names';
import { Muted } from '../../../components/muted';
import { Notice } from '../../../components/notice';
import { PageHeader } from '../../../components/page-header';
import { RadioChips } from '../../../components/radio-chips';
import { Tag } from '../../../components/tag';
import { errorMessage } from '../../../logic/api-error';
import { shanghaiDateTime } from '../../../logic/dates';
import { dueDistance, instantText, STAGE_FILTERS, stageLabel, stageTone } from '../../../logic/penalty-case';
import { fileOrigin } from '../../../logic/penalty-file';
import { LOGIN_PAGE, PENALTY_CASE_PAGE, PENALTY_FILE_PAGE } from '../../../routes';
import { currentSession } from '../../../services/auth';
import { listPenaltyCases, PENALTY_PAGE_SIZE } from '../../../services/penalty-cases';
import './index.css';

type Filter = PenaltyStage | 'all';

function CaseRow({ item, now }: { item: PenaltyCaseListItem; now: number }) {
  const due = item.nextDeadline ? dueDistance(item.nextDeadline, now) : null;
  return (
    <View
      className='pc-row'
      data-case-id={item.id}
      hoverClass='pc-row--pressed'
      onClick={() => void Taro.navigateTo({ url: `${PENALTY_CASE_PAGE}?id=${encodeURIComponent(item.id)}` })}
    >
      <View className='pc-row__head'>
        <Text className='pc-row__name'>{item.enterpriseName}</Text>
        <Tag tone={stageTone(item.stage)} className='pc-row__stage'>{stageLabel(item.stage)}</Tag>
      </View>
      <Text className='pc-row__cause'>{item.causeName}</Text>
      <View className='pc-row__foot'>
        <Text className='pc-row__id'>{item.id} · {shanghaiDateTime(item.filedAt)} 立案</Text>
        {item.openObjections > 0 && (
          <Tag tone='danger' soft className='pc-row__objections'>异议 {item.openObjections}</Tag>
        )}
      </View>
      {item.nextDeadline && due && (
        <Text className={cx('pc-row__deadline', due.overdue && 'pc-row__deadline--overdue')}>
          下一期限：{instantText(item.nextDeadline)}（{due.text}）
        </Text>
      )}
    </View>
  );
}

/** 从投诉举报立案: the complaint's flagged case number opens the filing page. */
function ComplaintEntry() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const open = () => {
    const origin = fileOrigin({ flaggedCaseId: text });
    if (!origin || origin.kind !== 'complaint') {
      setProblem('请填写投诉举报转来的监督案件编号（36位，形如 0190b7f0-0000-7000-8000-000000000000）');
      return;
    }
    setProblem('');
    void Taro.navigateTo({ url: `${PENALTY_FILE_PAGE}?flaggedCaseId=${encodeURIComponent(origin.flaggedCaseId)}` });
  };
  return (
    <Card title='从投诉举报立案'>
      <View className='pc-list-page__complaint'>
        <Input id='pc-complaint-id' className='field__input pc-list-page__complaint-input' value={text} placeholder='监督案件编号' maxlength={40} onInput={(e) => setText(e.detail.value)} />
        <Button id='pc-complaint-file' className='pc-list-page__complaint-button' size='mini' onClick={open}>
          立案
        </Button>
      </View>
      {problem && <Text id='pc-complaint-error' className='field__error'>{problem}</Text>}
      <Muted>检查中发现的违法行为，请在该次检查的页面点“立案”。</Muted>
    </Card>
  );
}

export default function PenaltyCasesPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<PenaltyCaseListItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const load = async (stage: Filter, pageNo: number) => {
    const ticket = ++latest.current;
    setLoading(true);
    setError('');
    try {
      const result = await listPenaltyCases(stage === 'all' ? null : stage, pageNo);
      if (ticket !== latest.current) return;
      setItems((shown) => (pageNo === 1 ? result.items : [...shown, ...result.items.filter((i) => !shown.some((s) => s.id === i.id))]));
      setTotal(result.total);
      setPage(pageNo);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };

  useLoad(() => {
    if (!currentSession()) void Taro.reLaunch({ url: LOGIN_PAGE });
  });
  // Read afresh whenever the page shows: a case filed or moved on elsewhere is listed as it stands.
  useDidShow(() => {
    if (currentSession()) void load(filter, 1);
  });

  const choose = (next: Filter) => {
    setFilter(next);
    setItems([]);
    setTotal(null);
    void load(next, 1);
  };
  const now = Date.now();

  return (
    <View className='pc-list-page'>
      <PageHeader title='行政处罚案件' subtitle='立案、告知、决定、结案，每一步留痕' />
      <Card className='pc-list-page__filter'>
        <RadioChips id='pc-stage-filter' options={STAGE_FILTERS} value={filter} idPrefix='pc-stage' chipClassName='pc-stage-chip' onChange={choose} />
        {total !== null && <Muted id='pc-total'>共 {total} 件</Muted>}
      </Card>

      {error && (
        <Card>
          <Notice id='pc-error' tone='danger'>{error}</Notice>
          <RetryButton onClick={() => void load(filter, 1)} />
        </Card>
      )}

      <View id='pc-list'>
        {items.map((item) => (
          <CaseRow key={item.id} item={item} now={now} />
        ))}
      </View>
      {total === 0 && !loading && <Muted id='pc-empty' className='pc-list-page__empty'>暂无案件。检查结果为“立案”的，可在检查页面点“立案”办理。</Muted>}
      {loading && <Muted>正在读取…</Muted>}
      {total !== null && items.length < total && !loading && page * PENALTY_PAGE_SIZE < total && (
        <LoadMoreButton id='pc-more' onClick={() => void load(filter, page + 1)} />
      )}
      <ComplaintEntry />
    </View>
  );
}
