/*
 * My agency's inspection plans: code, enterprise, date, trigger, joint-inspection partners, the
 * inspection code (QR + link) and each plan's history. Element ids for browser tests:
 * #new-plan (to the filing page), #plan-filed (the plan just filed), #plan-list, one
 * `.plan[data-plan-id="…"]` per plan holding `.plan-code` (plan code), `.plan-joint` (联合检查
 * badge and member agencies, the lead marked 牵头), `.plan-code-button` (生成检查码),
 * `.plan-code-error`, `.plan-history-toggle` (计划记录) and, when open, `.plan-history` with one
 * `.plan-event` per entry; #plan-more, #plan-empty, #plan-list-error. The code dialog: #code-modal,
 * #code-qr (a Taro <Image>: on H5 the <img> is inside, so select '#code-qr img'), #code-url (the
 * link the QR holds), #code-expires, #code-copy, #code-close.
 */
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { IssuedCode, Page, PlanView } from '@mashang/shared';
import { useRef, useState } from 'react';
import { flag } from '../../components/flag';
import { errorMessage } from '../../logic/api-error';
import { chineseDate, shanghaiDateTime } from '../../logic/dates';
import { hasMorePages } from '../../logic/enterprise-search';
import {
  agencyNamesOf,
  canFilePlans,
  dateMoved,
  filedSummary,
  inspectionMembers,
  mergePlanPage,
  planEventLine,
  type PlanEventLine,
} from '../../logic/plans';
import { svgDataUrl } from '../../logic/qr';
import { triggerLabel } from '../../logic/triggers';
import { LOGIN_PAGE, PLAN_NEW_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { issueInspectionCode, listPlans, planHistory, takeFiledPlan } from '../../services/plans';
import './index.css';

const QR_ENCODING = process.env.TARO_ENV === 'h5' ? 'utf8' : 'base64';

interface HistoryState {
  open: boolean;
  loading: boolean;
  lines: PlanEventLine[] | null;
  error: string;
}

interface ShownCode {
  plan: PlanView;
  code: IssuedCode;
}

function PlanHistory({ state }: { state: HistoryState }) {
  return (
    <View className='plan-history'>
      {state.loading && <Text className='plan__muted'>正在读取计划记录…</Text>}
      {state.error && <Text className='plan__error'>{state.error}</Text>}
      {state.lines?.length === 0 && <Text className='plan__muted'>暂无记录</Text>}
      {state.lines?.map((line, index) => (
        <View key={index} className='plan-event'>
          <View className='plan-event__head'>
            <Text className='plan-event__title'>{line.title}</Text>
            <Text className='plan-event__time'>{line.time}</Text>
          </View>
          <Text className='plan-event__text'>{line.text}</Text>
          {line.note && <Text className='plan-event__note'>{line.note}</Text>}
          <Text className='plan-event__actor'>操作人：{line.actor}</Text>
        </View>
      ))}
    </View>
  );
}

export default function PlansPage() {
  const [mayFile, setMayFile] = useState(false);
  const [plans, setPlans] = useState<PlanView[]>([]);
  const [lastPage, setLastPage] = useState<Page<PlanView> | null>(null);
  const [loading, setLoading] = useState(false);
  const [listError, setListError] = useState('');
  const [filed, setFiled] = useState<PlanView | null>(null);
  const [histories, setHistories] = useState<Record<string, HistoryState>>({});
  const [codeBusy, setCodeBusy] = useState<string | null>(null);
  const [codeErrors, setCodeErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<ShownCode | null>(null);
  const latestLoad = useRef(0);

  const load = async (page: number) => {
    const ticket = ++latestLoad.current;
    setLoading(true);
    setListError('');
    try {
      const result = await listPlans(page);
      if (ticket !== latestLoad.current) return;
      setPlans((current) => mergePlanPage(current, result));
      setLastPage(result);
    } catch (error) {
      if (ticket === latestLoad.current) setListError(errorMessage(error));
    } finally {
      if (ticket === latestLoad.current) setLoading(false);
    }
  };

  useLoad(() => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    setMayFile(canFilePlans(session.user.role));
  });

  // Also on coming back from the filing page: the new plan may have regrouped others.
  useDidShow(() => {
    if (!currentSession()) return;
    const justFiled = takeFiledPlan();
    if (justFiled) setFiled(justFiled);
    setHistories({});
    void load(1);
  });

  const toggleHistory = async (plan: PlanView) => {
    const current = histories[plan.id];
    if (current?.open) {
      setHistories((all) => ({ ...all, [plan.id]: { ...current, open: false } }));
      return;
    }
    if (current?.lines) {
      setHistories((all) => ({ ...all, [plan.id]: { ...current, open: true } }));
      return;
    }
    setHistories((all) => ({ ...all, [plan.id]: { open: true, loading: true, lines: null, error: '' } }));
    try {
      const events = await planHistory(plan.id);
      const names = agencyNamesOf(plan);
      const lines = events.map((event) => planEventLine(event, plan.agencyId, names));
      setHistories((all) => ({ ...all, [plan.id]: { open: true, loading: false, lines, error: '' } }));
    } catch (error) {
      setHistories((all) => ({
        ...all,
        [plan.id]: { open: true, loading: false, lines: null, error: errorMessage(error) },
      }));
    }
  };

  const issueCode = async (plan: PlanView) => {
    if (codeBusy) return;
    setCodeBusy(plan.id);
    setCodeErrors((all) => ({ ...all, [plan.id]: '' }));
    try {
      const code = await issueInspectionCode(plan.id);
      setShown({ plan, code });
      // Issuing closes the inspection (and adds a 生成检查码 entry): read the history afresh.
      setHistories((all) => ({ ...all, [plan.id]: { open: false, loading: false, lines: null, error: '' } }));
    } catch (error) {
      setCodeErrors((all) => ({ ...all, [plan.id]: errorMessage(error) }));
    } finally {
      setCodeBusy(null);
    }
  };

  const copyLink = (url: string) => {
    Taro.setClipboardData({ data: url }).then(
      () => undefined,
      () => void Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }),
    );
  };

  return (
    <View className='plans'>
      <View className='plans__head'>
        <View className='plans__title-box'>
          <Text className='plans__title'>我的检查计划</Text>
          <Text className='plans__subtitle'>
            {lastPage ? `共 ${lastPage.total} 项，按检查日期从近到远` : '本部门的在办计划'}
          </Text>
        </View>
        {mayFile && (
          <Button
            id='new-plan'
            className='plans__new'
            type='primary'
            size='mini'
            onClick={() => void Taro.navigateTo({ url: PLAN_NEW_PAGE })}
          >
            报备新计划
          </Button>
        )}
      </View>

      {filed && (
        <View id='plan-filed' className='plans__filed'>
          <Text>{filedSummary(filed)}</Text>
        </View>
      )}

      {listError && (
        <Text id='plan-list-error' className='plans__error'>
          {listError}
        </Text>
      )}

      <View id='plan-list' className='plans__list'>
        {plans.map((plan) => {
          const history = histories[plan.id];
          const members = inspectionMembers(plan);
          return (
            <View
              key={plan.id}
              className={`plan${filed?.id === plan.id ? ' plan--new' : ''}`}
              data-plan-id={plan.id}
            >
              <View className='plan__head'>
                <Text className='plan-code plan__code'>{plan.code}</Text>
                <Text className={`plan__trigger plan__trigger--${plan.trigger}`}>
                  {triggerLabel(plan.trigger)}
                </Text>
              </View>
              <Text className='plan__line'>企业信用代码：{plan.creditCode}</Text>
              <Text className='plan__line plan__date'>
                检查日期：{chineseDate(plan.inspection.date)}
              </Text>
              {dateMoved(plan) && (
                <Text className='plan__line plan__muted'>
                  （报备日期 {plan.plannedDate}，随联合检查调整）
                </Text>
              )}
              {plan.reason && <Text className='plan__line plan__muted'>事由：{plan.reason}</Text>}
              {plan.inspection.joint && (
                <View className='plan-joint'>
                  <Text className='plan-joint__badge'>联合检查</Text>
                  <View className='plan-joint__members'>
                    {members.map((member) => (
                      <Text
                        key={member.planId}
                        className={`plan-joint__member${member.lead ? ' plan-joint__member--lead' : ''}`}
                      >
                        {member.agencyName}
                        {member.lead ? '（牵头）' : ''}
                      </Text>
                    ))}
                  </View>
                </View>
              )}

              <View className='plan__actions'>
                {mayFile && (
                  <Button
                    className='plan-code-button plan__button plan__button--primary'
                    size='mini'
                    loading={flag(codeBusy === plan.id)}
                    disabled={flag(codeBusy === plan.id)}
                    onClick={() => void issueCode(plan)}
                  >
                    生成检查码
                  </Button>
                )}
                <Button
                  className='plan-history-toggle plan__button'
                  size='mini'
                  onClick={() => void toggleHistory(plan)}
                >
                  {history?.open ? '收起记录' : '计划记录'}
                </Button>
              </View>
              {codeErrors[plan.id] && (
                <Text className='plan-code-error plan__error'>{codeErrors[plan.id]}</Text>
              )}
              {history?.open && <PlanHistory state={history} />}
            </View>
          );
        })}
      </View>

      {lastPage && !lastPage.total && !loading && (
        <View id='plan-empty' className='plans__empty'>
          <Text>暂无在办的检查计划</Text>
          {mayFile && <Text className='plan__muted'>点右上角“报备新计划”开始报备</Text>}
        </View>
      )}

      {loading && <Text className='plans__summary'>正在读取…</Text>}

      {lastPage && hasMorePages(lastPage) && !loading && (
        <Button id='plan-more' className='plans__more' onClick={() => void load(lastPage.page + 1)}>
          加载更多
        </Button>
      )}

      {shown && (
        <View id='code-modal' className='code-modal' catchMove>
          <View className='code-modal__card'>
            <Text className='code-modal__title'>检查码</Text>
            <Text className='code-modal__plan'>
              {shown.plan.inspection.joint ? '联合检查 · ' : ''}
              {chineseDate(shown.plan.inspection.date)}
            </Text>
            <Image
              id='code-qr'
              className='code-modal__qr'
              mode='aspectFit'
              src={svgDataUrl(shown.code.qrSvg, QR_ENCODING)}
            />
            <Text className='code-modal__hint'>请企业用手机扫码核验本次检查</Text>
            <Text id='code-url' className='code-modal__url' userSelect>
              {shown.code.url}
            </Text>
            <Text id='code-expires' className='code-modal__expires'>
              有效期至 {shanghaiDateTime(shown.code.expiresAt)}
            </Text>
            <View className='code-modal__actions'>
              <Button id='code-copy' className='code-modal__button' onClick={() => copyLink(shown.code.url)}>
                复制链接
              </Button>
              <Button
                id='code-close'
                className='code-modal__button code-modal__button--primary'
                onClick={() => setShown(null)}
              >
                关闭
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  );
}
