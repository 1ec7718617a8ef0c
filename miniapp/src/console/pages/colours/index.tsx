/*
 * 三色清单: each of an agency's inspection items with the colour a violation of it is classed with —
 * green 首违不罚 (a first offence only; a repeat goes to yellow), yellow 限期整改 then a follow-up check,
 * red 立案. Agency admins keep their own agency's list, supervisors pick an agency (#colour-agency-<id>),
 * discipline inspectors read. Ids for browser tests: #colour-list with one `.colour-row[data-item-id]`
 * each (`.colour-row__name`, chips `[data-colour="green|yellow|red|none"]`, '.colour-row__days input'
 * for yellow), #colour-save, #colour-saved, #colour-error, #colour-history with `.colour-history__entry`.
 */
import { Input, Text, View } from '@tarojs/components';
import type { AgencyDto, ColourListHistoryEntry, ColourListView, SessionUser } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { shanghaiDateTime } from '../../../logic/dates';
import { actorLabel } from '../../../logic/trail';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { COLOUR_MEANINGS, COLOUR_OPTIONS, colourChanges, draftOf, mayEditColours, type ColourDraft } from '../../logic/colours';
import { colourList, colourListHistory, saveColourList } from '../../services/colours';
import { listRegister } from '../../services/registers';
import './index.css';

const seesAll = (user: SessionUser) => user.role === 'supervisor' || user.role === 'discipline';

export default function ColoursPage() {
  const user = useDeskSession();
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [agencyId, setAgencyId] = useState('');
  const [view, setView] = useState<ColourListView | null>(null);
  const [history, setHistory] = useState<ColourListHistoryEntry[]>([]);
  const [drafts, setDrafts] = useState<Record<string, ColourDraft>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!user || !seesAll(user)) return;
    listRegister('agencies', { q: '', agencyId: '', duty: 'all' }, 1).then(
      (page) => {
        const list = page.items as AgencyDto[];
        setAgencies(list);
        if (list[0]) setAgencyId(list[0].id);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [user]);

  const load = async () => {
    if (!user || (seesAll(user) && !agencyId)) return;
    const asked = seesAll(user) ? agencyId : undefined;
    try {
      const [list, changes] = await Promise.all([colourList(asked), colourListHistory(asked)]);
      setView(list);
      setHistory(changes);
      setDrafts({});
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => void load(), [user, agencyId]);

  const editable = !!user && mayEditColours(user);
  const draft = (entry: ColourListView['entries'][number]) => drafts[entry.itemId] ?? draftOf(entry);
  const edit = (entry: ColourListView['entries'][number], patch: Partial<ColourDraft>) => {
    setDrafts((all) => ({ ...all, [entry.itemId]: { ...draft(entry), ...patch } }));
    setSaved('');
    setError('');
  };

  const save = async () => {
    if (!view || busy) return;
    const outcome = colourChanges(view, drafts);
    if ('error' in outcome) return setError(outcome.error);
    if (!outcome.changes.length) return setSaved('没有改动');
    setBusy(true);
    try {
      await saveColourList(outcome.changes, user && seesAll(user) ? view.agencyId : undefined);
      await load();
      setSaved(`已保存 ${outcome.changes.length} 项，改动记入清单历史`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConsoleShell user={user} tab='colours'>
      <Panel title={`三色清单${view ? ` · ${view.agencyName}` : ''}`}>
        {COLOUR_MEANINGS.map((line) => (
          <Text key={line} className='console__muted colour-meaning'>
            {line}
          </Text>
        ))}
        <Text className='console__muted colour-meaning'>未列入清单的事项按黄色（限期整改）处理；同一企业同一事项再次违法的，绿色升为黄色。</Text>
        {user && seesAll(user) && (
          <View className='chips'>
            <Text className='chips__label'>执法部门</Text>
            {agencies.map((a) => (
              <Chip key={a.id} id={`colour-agency-${a.id}`} on={a.id === agencyId} onClick={() => setAgencyId(a.id)}>
                {a.name}
              </Chip>
            ))}
          </View>
        )}
      </Panel>
      {error && (
        <Text id='colour-error' className='console__error'>
          {error}
        </Text>
      )}
      <Panel>
        <View id='colour-list'>
          {view?.entries.map((entry) => {
            const d = draft(entry);
            return (
              <View key={entry.itemId} className='colour-row' data-item-id={entry.itemId}>
                <Text className='colour-row__name'>{entry.itemName}</Text>
                <Text className='console__muted'>依据：{entry.basis}</Text>
                <View className='chips'>
                  {COLOUR_OPTIONS.map((option) => (
                    <Chip
                      key={option.key}
                      on={(d.colour ?? 'none') === option.key}
                      className={`colour-chip colour-chip--${option.key}`}
                      data-colour={option.key}
                      onClick={() => editable && edit(entry, { colour: option.key === 'none' ? null : option.key })}
                    >
                      {option.label}
                    </Chip>
                  ))}
                  {d.colour === 'yellow' && (
                    <View className='colour-row__days'>
                      <Text className='chips__label'>整改期限（天）</Text>
                      <Input value={d.days} type='number' maxlength={3} disabled={!editable} onInput={(e) => edit(entry, { days: e.detail.value })} />
                    </View>
                  )}
                </View>
              </View>
            );
          })}
        </View>
        {view && !view.entries.length && <Text className='console__muted'>本部门还没有检查事项，请先在名录管理中添加。</Text>}
        {editable && view && (
          <ConsoleButton id='colour-save' primary disabled={busy} onClick={() => void save()}>
            保存
          </ConsoleButton>
        )}
        {saved && (
          <Text id='colour-saved' className='console__muted'>
            {saved}
          </Text>
        )}
      </Panel>
      <Panel title='清单修改记录'>
        <View id='colour-history'>
          {history.map((entry, index) => (
            <View key={index} className='colour-history__entry'>
              <Text className='console__muted'>
                {shanghaiDateTime(Date.parse(entry.at))} · {actorLabel(entry.actor)}
              </Text>
              {entry.changes.map((line) => (
                <Text key={line} className='colour-history__line'>
                  {line}
                </Text>
              ))}
            </View>
          ))}
          {!history.length && <Text className='console__muted'>还没有修改记录</Text>}
        </View>
      </Panel>
    </ConsoleShell>
  );
}
