import { Role, type AgencyDto, type EnterpriseDto, type Page, type RegisterKind, type SessionUser } from '@mashang/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../logic/api-error';
import {
  createBody,
  draftFor,
  editPatch,
  EMPTY_REGISTER_FILTERS,
  entryKey,
  historyLines,
  validateDraft,
  type Draft,
  type HistoryLine,
  type RegisterEntry,
  type RegisterFilters,
} from '../../logic/registers';
import { allAgencies } from '../../services/plans-desk';
import { createEntry, downloadBooklet, exportRegister, listRegister, registerHistory, updateEntry } from '../../services/registers';

/** What the side panel shows: the form (new or an entry), or an entry's history. */
export type Panel =
  | { mode: 'create'; draft: Draft; errors: Record<string, string>; failure: string; busy: boolean }
  | { mode: 'edit'; entry: RegisterEntry; draft: Draft; errors: Record<string, string>; failure: string; busy: boolean }
  | { mode: 'history'; entry: RegisterEntry; lines: HistoryLine[] | null; failure: string };

/** One register's list (search, filters, pages), its form and history, and its export. */
export function useRegister(user: SessionUser | null, register: RegisterKind, initialQuery = '') {
  const [filters, setFilters] = useState<RegisterFilters>({ ...EMPTY_REGISTER_FILTERS, q: initialQuery });
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<Page<RegisterEntry> | null>(null);
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [panel, setPanel] = useState<Panel | null>(null);
  const [exporting, setExporting] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    if (user) allAgencies().then(setAgencies, (e) => setError(errorMessage(e)));
  }, [user]);

  const load = () => {
    if (!user) return;
    const ticket = ++latest.current;
    setError('');
    listRegister(register, filters, pageNo).then(
      (result) => ticket === latest.current && setPage(result),
      (e) => ticket === latest.current && setError(errorMessage(e)),
    );
  };
  useEffect(load, [user, register, filters, pageNo]);
  // Another register starts unfiltered; the one opened first keeps the search it was opened with.
  const opened = useRef(true);
  useEffect(() => {
    if (opened.current) {
      opened.current = false;
      return;
    }
    setFilters(EMPTY_REGISTER_FILTERS);
    setPageNo(1);
    setPanel(null);
    setSaved('');
  }, [register]);

  const filter = (patch: Partial<RegisterFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPageNo(1);
  };

  const startCreate = () => user && setPanel({ mode: 'create', draft: draftFor(register, null, user), errors: {}, failure: '', busy: false });
  const startEdit = (entry: RegisterEntry) => user && setPanel({ mode: 'edit', entry, draft: draftFor(register, entry, user), errors: {}, failure: '', busy: false });
  const editDraft = (draft: Draft) => setPanel((current) => (current && current.mode !== 'history' ? { ...current, draft, errors: {}, failure: '' } : current));

  const showHistory = async (entry: RegisterEntry) => {
    setPanel({ mode: 'history', entry, lines: null, failure: '' });
    try {
      const entries = await registerHistory(register, entryKey(register, entry));
      const names = new Map(agencies.map((a) => [a.id, a.name]));
      setPanel({ mode: 'history', entry, lines: historyLines(entries, names).reverse(), failure: '' });
    } catch (e) {
      setPanel({ mode: 'history', entry, lines: [], failure: errorMessage(e) });
    }
  };

  const save = async () => {
    if (!panel || panel.mode === 'history' || panel.busy) return;
    const creating = panel.mode === 'create';
    const errors = validateDraft(register, panel.draft, creating);
    if (Object.keys(errors).length) {
      setPanel({ ...panel, errors });
      return;
    }
    const patch = panel.mode === 'edit' ? editPatch(register, panel.entry, panel.draft) : null;
    if (patch && !Object.keys(patch).length) {
      setPanel(null);
      return;
    }
    setPanel({ ...panel, busy: true });
    try {
      const entry = panel.mode === 'create' ? await createEntry(register, createBody(register, panel.draft)) : await updateEntry(register, entryKey(register, panel.entry), patch!);
      setSaved(`已保存：${(entry as { name: string }).name}`);
      setPanel(null);
      load();
    } catch (e) {
      const fields = e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [f.field, /[\u4e00-\u9fff]/.test(f.reason) ? f.reason : '填写不正确'])) : {};
      setPanel({ ...panel, busy: false, errors: fields, failure: Object.keys(fields).length ? '' : errorMessage(e) });
    }
  };

  const download = async () => {
    setExporting(true);
    try {
      await exportRegister(register, filters);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  /** 一企一册 of an enterprise of the register, to print. */
  const booklet = async (entry: RegisterEntry) => {
    setError('');
    try {
      await downloadBooklet(entry as EnterpriseDto);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  /** An agency admin keeps its own agency's; supervisors pick any. */
  const ownAgencies = user?.role === Role.AgencyAdmin ? agencies.filter((a) => a.id === user.agencyId) : agencies;
  return { filters, filter, pageNo, setPageNo, page, agencies, ownAgencies, error, saved, panel, setPanel, startCreate, startEdit, editDraft, showHistory, save, exporting, download, booklet };
}
