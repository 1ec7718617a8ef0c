/*
 * 企业端首页: the signed-in enterprise's own page. Who is signed in; planned inspections announced ahead,
 * with the half-days that suit it (notices-card.tsx); off-site checks asking it for evidence (offsite-card.tsx); every inspection of it with its
 * trail and what became of its rating (inspections-card.tsx); its compliance booklet, 一企一册 (booklet-card.tsx); its penalty cases and their supervision
 * codes (cases-card.tsx); 码上响应, its complaints and their outcomes (complaints-card.tsx); its contacts, which the legal representative adds and removes
 * (contacts-card.tsx). Element ids: #ent-name, #ent-credit-code, #ent-signed-in-as, #ent-sign-out,
 * #ent-load-error.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { ComplaintView, EnterpriseContactView, EnterpriseInspectionView, EnterprisePenaltyCaseView, EnterpriseSession, InspectionNoticeView } from '@mashang/shared';
import { useState } from 'react';
import { RetryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Notice } from '../../../components/notice';
import { errorMessage } from '../../../logic/api-error';
import { ENTERPRISE_SIGN_IN_PAGE } from '../../../routes';
import {
  currentEnterpriseSession,
  enterpriseComplaints,
  enterpriseContacts,
  enterpriseInspections,
  enterpriseNotices,
  enterprisePenaltyCases,
  refreshEnterprise,
  signOutEnterprise,
} from '../../../services/enterprise';
import { BookletCard } from './booklet-card';
import { CasesCard } from './cases-card';
import { ComplaintsCard } from './complaints-card';
import { ContactsCard } from './contacts-card';
import { InspectionsCard } from './inspections-card';
import { NoticesCard } from './notices-card';
import { VisitsCard } from './visits-card';
import { OffsiteCard } from './offsite-card';
import './index.css';

export default function EnterpriseHomePage() {
  const [enterprise, setEnterprise] = useState<EnterpriseSession | null>(currentEnterpriseSession()?.enterprise ?? null);
  const [contacts, setContacts] = useState<EnterpriseContactView[]>([]);
  const [inspections, setInspections] = useState<{ items: EnterpriseInspectionView[]; total: number; page: number }>({ items: [], total: 0, page: 0 });
  const [cases, setCases] = useState<EnterprisePenaltyCaseView[]>([]);
  const [complaints, setComplaints] = useState<ComplaintView[]>([]);
  const [notices, setNotices] = useState<InspectionNoticeView[]>([]);
  const [loadError, setLoadError] = useState('');

  const load = async () => {
    setLoadError('');
    try {
      const [me, list, firstPage, caseList, complaintList, noticeList] = await Promise.all([
        refreshEnterprise(), enterpriseContacts(), enterpriseInspections(1), enterprisePenaltyCases(), enterpriseComplaints(), enterpriseNotices(),
      ]);
      setNotices(noticeList);
      setEnterprise(me);
      setContacts(list);
      setInspections({ items: firstPage.items, total: firstPage.total, page: 1 });
      setCases(caseList);
      setComplaints(complaintList);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  const more = async () => {
    try {
      const next = await enterpriseInspections(inspections.page + 1);
      setInspections((current) => ({ items: [...current.items, ...next.items], total: next.total, page: current.page + 1 }));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  useLoad(() => {
    if (!currentEnterpriseSession()) {
      void Taro.reLaunch({ url: ENTERPRISE_SIGN_IN_PAGE });
      return;
    }
    void load();
  });

  const signOut = async () => {
    await signOutEnterprise().catch(() => undefined);
    void Taro.reLaunch({ url: ENTERPRISE_SIGN_IN_PAGE });
  };

  if (!enterprise) return <View className='ent-home' />;
  return (
    <View className='ent-home'>
      <View className='ent-home__header'>
        <Text id='ent-name' className='ent-home__name'>{enterprise.enterpriseName}</Text>
        <Text id='ent-credit-code' className='ent-home__code'>统一社会信用代码 {enterprise.creditCode}</Text>
        <Text id='ent-signed-in-as' className='ent-home__as'>
          {enterprise.phone} 已登录（{enterprise.representative ? '法定代表人' : '企业联系人'}）
        </Text>
      </View>
      {loadError && (
        <Notice id='ent-load-error' tone='danger'>
          {loadError} <RetryButton onClick={() => void load()} />
        </Notice>
      )}
      <OffsiteCard />
      <NoticesCard notices={notices} onSaved={(saved) => setNotices((current) => current.map((n) => (n.id === saved.id ? saved : n)))} />
      <BookletCard enterpriseName={enterprise.enterpriseName} />
      <InspectionsCard inspections={inspections.items} total={inspections.total} onMore={() => void more()} />
      <VisitsCard />
      <CasesCard cases={cases} />
      <ComplaintsCard complaints={complaints} inspections={inspections.items} onFiled={(filed) => setComplaints((current) => [filed, ...current])} />
      <ContactsCard contacts={contacts} representative={enterprise.representative} onChange={setContacts} />
      <Card>
        <Button id='ent-sign-out' className='ent-home__sign-out' onClick={() => void signOut()}>退出登录</Button>
      </Card>
    </View>
  );
}
