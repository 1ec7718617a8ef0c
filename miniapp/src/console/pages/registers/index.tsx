/*
 * 名录管理: the four registers — officers (certificate and its expiry, on duty or not), inspection items
 * (legal basis, 无事不扰), enterprises (credit grade, 无感监管, phones masked), agencies — with search,
 * edit, each entry's history and an Excel export. Agency admins keep their own agency's officers and
 * items; supervisors keep everything; discipline inspectors read. `?r=<register>` opens one, `&q=` searched.
 * Ids for browser tests: chips #register-<agencies|officers|items|enterprises>, #register-search
 * (fill '#register-search input'), #register-search-submit, chips #register-duty-<all|on|off>
 * (officers), #register-agency (a picker, overseers), #register-new, #register-export, #register-total,
 * #register-list with one .register-row[data-key] per entry (.register-cell[data-field], .register-edit,
 * .register-history, .register-booklet: 一企一册 of an enterprise), #register-empty, #register-error, #register-saved, #register-prev, #register-next;
 * the form: see entry-form.tsx; the history: #register-history-panel with .history-line
 * (.history-line__head, .history-line__change).
 */
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { REGISTER_LABELS, REGISTERS, Role, type RegisterKind } from '@mashang/shared';
import { useState } from 'react';
import { agencyOptions, pageCount } from '../../logic/console';
import { cellText, entryKey, fieldLabel, mayCreate, mayEdit, registerColumns, REGISTER_PAGE_SIZE } from '../../logic/registers';
import { Chip, ConsoleButton } from '../../components/controls';
import { Panel } from '../../components/panel';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import { EntryForm } from './entry-form';
import { HistoryPanel } from './history-panel';
import { useRegister } from './use-register';
import './index.css';

const DUTY = [
  { key: 'all', label: '全部' },
  { key: 'on', label: '在岗' },
  { key: 'off', label: '已停用' },
] as const;

export default function RegistersPage() {
  const user = useDeskSession();
  const { r: asked, q: askedQuery = '' } = useRouter().params as { r?: RegisterKind; q?: string };
  const [register, setRegister] = useState<RegisterKind>(asked && REGISTERS.includes(asked) ? asked : 'officers');
  const [searchText, setSearchText] = useState(askedQuery);
  const r = useRegister(user, register, askedQuery);
  const names = new Map(r.agencies.map((a) => [a.id, a.name]));
  const columns = registerColumns(register);
  const overseer = user?.role === Role.Supervisor || user?.role === Role.Discipline;
  const picker = agencyOptions(r.agencies);
  const pages = r.page ? pageCount(r.page.total, REGISTER_PAGE_SIZE) : 1;

  return (
    <ConsoleShell user={user} tab='registers'>
      <Panel>
        <View className='chips'>
          {REGISTERS.map((kind) => (
            <Chip key={kind} id={`register-${kind}`} on={register === kind} onClick={() => { setRegister(kind); setSearchText(''); }}>
              {REGISTER_LABELS[kind]}
            </Chip>
          ))}
        </View>
        <View className='register__search'>
          <Input
            id='register-search'
            className='console-field__input register__search-input'
            value={searchText}
            placeholder={register === 'enterprises' ? '企业名称或统一社会信用代码' : register === 'officers' ? '姓名、执法证号或编号' : '名称或编号'}
            onInput={(e) => setSearchText(e.detail.value)}
            onConfirm={() => r.filter({ q: searchText })}
          />
          <Button id='register-search-submit' className='btn btn--primary' size='mini' onClick={() => r.filter({ q: searchText })}>
            搜索
          </Button>
        </View>
        {register === 'officers' && (
          <View className='chips'>
            <Text className='chips__label'>状态</Text>
            {DUTY.map((d) => (
              <Chip key={d.key} id={`register-duty-${d.key}`} on={r.filters.duty === d.key} onClick={() => r.filter({ duty: d.key })}>
                {d.label}
              </Chip>
            ))}
          </View>
        )}
        {overseer && (register === 'officers' || register === 'items') && (
          <View className='chips'>
            <Text className='chips__label'>部门</Text>
            <Picker id='register-agency' mode='selector' range={picker.names} value={picker.indexOf(r.filters.agencyId)} onChange={(e) => r.filter({ agencyId: picker.idAt(Number(e.detail.value)) })}>
              <Text className='register__picker'>{picker.names[picker.indexOf(r.filters.agencyId)]} ▾</Text>
            </Picker>
          </View>
        )}
      </Panel>

      {r.saved && (
        <Text id='register-saved' className='console__ok'>
          {r.saved}
        </Text>
      )}
      {r.error && (
        <Text id='register-error' className='console__error'>
          {r.error}
        </Text>
      )}

      {r.panel && r.panel.mode !== 'history' && (
        <Panel>
          <EntryForm
            register={register}
            creating={r.panel.mode === 'create'}
            draft={r.panel.draft}
            errors={r.panel.errors}
            failure={r.panel.failure}
            busy={r.panel.busy}
            agencies={r.ownAgencies}
            title={r.panel.mode === 'create' ? (register === 'officers' ? '入职登记' : `新增${REGISTER_LABELS[register]}`) : `修改：${(r.panel.entry as { name: string }).name}`}
            onDraft={r.editDraft}
            onSave={() => void r.save()}
            onCancel={() => r.setPanel(null)}
          />
        </Panel>
      )}
      {r.panel?.mode === 'history' && <HistoryPanel entry={r.panel.entry} lines={r.panel.lines} failure={r.panel.failure} onClose={() => r.setPanel(null)} />}

      <Panel
        title={`${REGISTER_LABELS[register]}名录`}
        action={
          <View className='chips'>
            {user && mayCreate(register, user) && (
              <ConsoleButton id='register-new' primary onClick={r.startCreate}>
                {register === 'officers' ? '入职登记' : '新增'}
              </ConsoleButton>
            )}
            {user?.role !== Role.Officer && (
              <ConsoleButton id='register-export' disabled={r.exporting} onClick={() => void r.download()}>
                {r.exporting ? '正在导出…' : '导出Excel'}
              </ConsoleButton>
            )}
          </View>
        }
      >
        <Text id='register-total' className='console__muted'>
          {r.page ? `共 ${r.page.total} 条${r.filters.q ? `（“${r.filters.q}”）` : ''}，第 ${r.pageNo} / ${pages} 页` : '正在查询…'}
        </Text>
        <View className='table'>
          <View className='table__row table__row--head' style={{ '--cols': String(columns.length + 1) } as Record<string, string>}>
            {columns.map((field) => (
              <Text key={field}>{fieldLabel(register, field)}</Text>
            ))}
            <Text>操作</Text>
          </View>
          <View id='register-list'>
            {r.page?.items.map((entry) => (
              <View key={entryKey(register, entry)} className='table__row register-row' data-key={entryKey(register, entry)} style={{ '--cols': String(columns.length + 1) } as Record<string, string>}>
                {columns.map((field) => (
                  <Text key={field} className='register-cell' data-field={field}>
                    {cellText(field, entry, names)}
                  </Text>
                ))}
                <View className='register-row__actions'>
                  {user && mayEdit(register, user, entry) && (
                    <ConsoleButton className='register-edit' onClick={() => r.startEdit(entry)}>
                      修改
                    </ConsoleButton>
                  )}
                  {user?.role !== Role.Officer && (
                    <ConsoleButton className='register-history' onClick={() => void r.showHistory(entry)}>
                      变更记录
                    </ConsoleButton>
                  )}
                  {register === 'enterprises' && (
                    <ConsoleButton className='register-booklet' onClick={() => void r.booklet(entry)}>
                      一企一册
                    </ConsoleButton>
                  )}
                </View>
              </View>
            ))}
          </View>
        </View>
        {r.page && !r.page.items.length && (
          <Text id='register-empty' className='console__muted'>
            没有符合条件的记录
          </Text>
        )}
        {r.page && pages > 1 && (
          <View className='chips'>
            <ConsoleButton id='register-prev' disabled={r.pageNo <= 1} onClick={() => r.pageNo > 1 && r.setPageNo(r.pageNo - 1)}>
              上一页
            </ConsoleButton>
            <ConsoleButton id='register-next' disabled={r.pageNo >= pages} onClick={() => r.pageNo < pages && r.setPageNo(r.pageNo + 1)}>
              下一页
            </ConsoleButton>
          </View>
        )}
      </Panel>
    </ConsoleShell>
  );
}
