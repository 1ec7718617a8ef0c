/*
 * 综合监管场景: for enterprises of the listed industries, the listed agencies inspect together; an
 * agency going alone must say why (the supervisor sees it). Every desk reads the list; supervisors
 * create and edit. Ids for browser tests: #scenario-new, #scenario-list with one
 * .scenario-row[data-scenario-id] per scenario (.scenario-row__name, .scenario-row__status,
 * .scenario-row__industries, .scenario-row__agencies, .scenario-edit), #scenario-empty,
 * #scenario-saved, #scenario-load-error; the form: see scenario-form.tsx.
 */
import { Text, View } from '@tarojs/components';
import { Role, type AgencyDto, type IndustryCount, type JointScenarioView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import {
  agencyNamesText,
  createRequest,
  draftOf,
  emptyScenarioDraft,
  hasErrors,
  newScenarioId,
  scenarioServerErrors,
  updateRequest,
  validateScenario,
  type ScenarioDraft,
  type ScenarioErrors,
} from '../../logic/scenarios';
import { allAgencies, createScenario, listScenarios, registerIndustries, updateScenario } from '../../services/plans-desk';
import { ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { ScenarioForm } from './scenario-form';
import './index.css';

export default function ScenariosPage() {
  const user = useDeskSession();
  const mayEdit = user?.role === Role.Supervisor;
  const [scenarios, setScenarios] = useState<JointScenarioView[] | null>(null);
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [industries, setIndustries] = useState<IndustryCount[]>([]);
  const [loadError, setLoadError] = useState('');
  const [draft, setDraft] = useState<ScenarioDraft | null>(null);
  const [errors, setErrors] = useState<ScenarioErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  const load = () => listScenarios().then(setScenarios, (e) => setLoadError(errorMessage(e)));
  useEffect(() => {
    if (!user) return;
    void load();
    allAgencies().then(setAgencies, (e) => setLoadError(errorMessage(e)));
    if (user.role === Role.Supervisor) registerIndustries().then(setIndustries, () => undefined);
  }, [user]);

  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const open = (next: ScenarioDraft) => {
    setDraft(next);
    setErrors({});
    setFailure('');
    setSaved('');
  };
  const edit = (next: ScenarioDraft) => {
    setDraft(next);
    setErrors({});
    setFailure('');
  };

  const save = async () => {
    if (!draft || busy) return;
    const found = validateScenario(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    const before = draft.id ? scenarios?.find((s) => s.id === draft.id) : undefined;
    setBusy(true);
    try {
      if (before) {
        const patch = updateRequest(before, draft);
        if (Object.keys(patch).length) await updateScenario(before.id, patch);
      } else {
        await createScenario(createRequest(draft, newScenarioId(Date.now(), Math.random())));
      }
      setSaved(`已保存场景“${draft.name.trim()}”`);
      setDraft(null);
      await load();
    } catch (e) {
      const fields = e instanceof ApiError ? scenarioServerErrors(e.fields) : {};
      setErrors(fields);
      if (!hasErrors(fields)) setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConsoleShell user={user} tab='scenarios'>
      <Panel
        title='综合监管场景'
        action={mayEdit && !draft ? <ConsoleButton id='scenario-new' primary onClick={() => open(emptyScenarioDraft())}>新建场景</ConsoleButton> : undefined}
      >
        <Text className='console__muted'>适用行业的企业，由场景内的执法部门联合检查；只有部分部门参加时，生成检查码须写明单独检查的理由，司法局可见。</Text>
        {saved && (
          <Text id='scenario-saved' className='console__ok'>
            {saved}
          </Text>
        )}
        {loadError && (
          <Text id='scenario-load-error' className='console__error'>
            {loadError}
          </Text>
        )}
      </Panel>

      {draft && (
        <Panel>
          <ScenarioForm draft={draft} errors={errors} failure={failure} busy={busy} agencies={agencies} industries={industries} onDraft={edit} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </Panel>
      )}

      <Panel title={scenarios ? `共 ${scenarios.length} 个场景` : '正在读取…'}>
        <View className='table'>
          <View className='table__row table__row--head scenario-grid'>
            <Text>场景</Text>
            <Text>适用行业</Text>
            <Text>联合检查部门</Text>
            <Text>状态</Text>
          </View>
          <View id='scenario-list'>
            {scenarios?.map((scenario) => (
              <View key={scenario.id} className='table__row scenario-grid scenario-row' data-scenario-id={scenario.id}>
                <Text className='scenario-row__name'>{scenario.name}</Text>
                <Text className='scenario-row__industries'>{scenario.industries.join('、')}</Text>
                <Text className='scenario-row__agencies'>{agencyNamesText(scenario.agencyIds, names)}</Text>
                <View>
                  <Text className={`badge scenario-row__status${scenario.active ? '' : ' badge--closed'}`}>{scenario.active ? '启用' : '已停用'}</Text>
                  {mayEdit && (
                    <ConsoleButton className='scenario-edit' onClick={() => open(draftOf(scenario))}>
                      修改
                    </ConsoleButton>
                  )}
                </View>
              </View>
            ))}
          </View>
        </View>
        {scenarios?.length === 0 && (
          <Text id='scenario-empty' className='console__muted'>
            还没有综合监管场景
          </Text>
        )}
      </Panel>
    </ConsoleShell>
  );
}
