import { Image, Text, View } from '@tarojs/components';
import { DISCRETION_LEVEL_LABELS, PENALTY_CASE_ORIGIN_LABELS, type PenaltyCaseView } from '@mashang/shared';
import { Card } from '../../../components/card';
import { cx } from '../../../components/class-names';
import { CopyLink } from '../../../components/copy-link';
import { Muted } from '../../../components/muted';
import { Tag } from '../../../components/tag';
import { shanghaiDateTime } from '../../../logic/dates';
import { svgDataUrl } from '../../../logic/qr';
import { yuanText, rangeText } from '../../../logic/money';
import { caseDeadlines, measuresText, pointsText, stageLabel, stageTone } from '../../../logic/penalty-case';

/** Who, what, on which basis, by whom (#pc-title, #pc-id, #pc-stage, #pc-facts, #pc-basis, #pc-officers). */
export function SummaryCard({ view }: { view: PenaltyCaseView }) {
  return (
    <Card>
      <View className='pc__head'>
        <View className='pc__who'>
          <Text id='pc-title' className='pc__name'>{view.enterpriseName}</Text>
          <Text className='pc__code'>{view.creditCode}</Text>
        </View>
        <Tag id='pc-stage' tone={stageTone(view.stage)} className='pc__stage'>
          {stageLabel(view.stage)}
        </Tag>
      </View>
      <Text id='pc-id' className='pc__line'>案号 {view.id} · {PENALTY_CASE_ORIGIN_LABELS[view.origin]} · {shanghaiDateTime(view.filedAt)} 立案</Text>
      <Text className='pc__label'>案由</Text>
      <Text id='pc-cause' className='pc__text'>{view.causeName}（{view.cause}）</Text>
      {view.causeChanges.length > 0 && (
        <Muted>案由变更：{view.causeChanges.map((c) => `${c.from} → ${c.to}（${shanghaiDateTime(c.at)}）`).join('；')}</Muted>
      )}
      <Text className='pc__label'>违法事实</Text>
      <Text id='pc-facts' className='pc__text'>{view.facts}</Text>
      <Text className='pc__label'>法律依据</Text>
      <Text id='pc-basis' className='pc__text'>{view.legalBasis}</Text>
      <Text className='pc__label'>执法人员</Text>
      <Text id='pc-officers' className='pc__text'>{view.officers.map((o) => o.name).join('、')}</Text>
    </Card>
  );
}

/** The deadlines running (#pc-deadlines, `.pc-deadline[data-key]`), in Asia/Shanghai time; nothing when none. */
export function DeadlinesCard({ view, now }: { view: PenaltyCaseView; now: number }) {
  const rows = caseDeadlines(view, now);
  if (!rows.length) return null;
  return (
    <Card title='期限' id='pc-deadlines'>
      {rows.map((row) => (
        <View key={`${row.key}-${row.label}`} className={cx('pc-deadline', row.overdue && 'pc-deadline--overdue')} data-key={row.key}>
          <Text className='pc-deadline__label'>{row.label}</Text>
          <Text className='pc-deadline__text'>{row.text}</Text>
        </View>
      ))}
    </Card>
  );
}

/** Once noticed: the factors ticked, points, level, range and the fines (#pc-discretion). */
export function DiscretionCard({ view }: { view: PenaltyCaseView }) {
  if (!view.notifiedAt) return null;
  const ticked = view.factors.filter((f) => f.ticked);
  return (
    <Card title='裁量与处罚' id='pc-discretion'>
      <Text className='pc__text'>
        裁量情节：{ticked.length ? ticked.map((f) => `${f.label}（${pointsText(f.points)}）`).join('、') : '无'}
      </Text>
      {view.level && view.range && (
        <Text id='pc-level' className='pc__text'>
          共{view.points ?? 0}分，{DISCRETION_LEVEL_LABELS[view.level]}档，罚款幅度 {rangeText(view.range)}
        </Text>
      )}
      {view.proposedFine !== null && <Text id='pc-proposed' className='pc__text'>拟罚款：{yuanText(view.proposedFine)}</Text>}
      {view.outsideRangeReason && <Muted>超出幅度的理由：{view.outsideRangeReason}</Muted>}
      {view.fine !== null && (
        <Text id='pc-fine' className='pc__text pc__text--strong'>
          {view.stage === 'review' ? '待审核的决定' : '决定'}：罚款 {yuanText(view.fine)}
          {view.measures.length ? `，${measuresText(view.measures)}` : ''}
          {view.major ? '（重大执法决定）' : ''}
        </Text>
      )}
      {view.notifiedAt && <Muted>{shanghaiDateTime(view.notifiedAt)} 告知{view.decidedAt ? ` · ${shanghaiDateTime(view.decidedAt)} 作出决定` : ''}</Muted>}
    </Card>
  );
}

/** Browsers take the SVG as URL-encoded text; the mini-program's image component wants base64. */
const QR_ENCODING = process.env.TARO_ENV === 'h5' ? 'utf8' : 'base64';

/** The supervision code (监督码) to print on the notice: its QR (#pc-code-qr), its link and a copy button (#pc-code). */
export function CodeCard({ view }: { view: PenaltyCaseView }) {
  if (!view.codeUrl) return null;
  return (
    <Card title='监督码'>
      <Muted>请将此二维码印在行政处罚告知书上：当事人扫码查看裁量依据，提出陈述、申辩、听证申请或异议。</Muted>
      {view.codeQrSvg && <Image id='pc-code-qr' className='pc-code__qr' mode='aspectFit' src={svgDataUrl(view.codeQrSvg, QR_ENCODING)} />}
      <CopyLink id='pc-code' url={view.codeUrl} />
    </Card>
  );
}
