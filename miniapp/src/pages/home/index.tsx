/*
 * Officer home: who is logged in, logout, the way to the inspection plans and to the on-site scan,
 * and the enterprise register search. Element ids for browser tests: #home-user, #logout,
 * #go-plans (检查计划), #go-scan (扫码入企), #go-cases (行政处罚案件), #follow-ups (整改复查, see follow-ups-card.tsx),
 * #enterprise-search (on H5 fill
 * '#enterprise-search input', see pages/login), #enterprise-search-submit, #enterprise-list,
 * #enterprise-more, #enterprise-error; each enterprise's `.enterprise__booklet` (一企一册 to print, `data-credit-code`).
 */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import type { EnterpriseDto, Page, SessionUser } from '@mashang/shared';
import { useRef, useState } from 'react';
import { LoadMoreButton, PrimaryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { Tag } from '../../components/tag';
import { errorMessage } from '../../logic/api-error';
import { hasMorePages, mergeEnterprisePage, phoneLabel, searchSummary } from '../../logic/enterprise-search';
import { isDeskRole, roleLabel } from '../../logic/roles';
import { gradeTone } from '../../logic/tones';
import { CONSOLE_CASES_PAGE, LOGIN_PAGE, PENALTY_CASES_PAGE, PLANS_PAGE, SCAN_PAGE } from '../../routes';
import { currentSession, logout, refreshCurrentUser } from '../../services/auth';
import { downloadBookletFor, searchEnterprises } from '../../services/registry';
import { FollowUpsCard } from './follow-ups-card';
import './index.css';

function EnterpriseCard({ enterprise }: { enterprise: EnterpriseDto }) {
  const [booklet, setBooklet] = useState<{ busy: boolean; failure: string }>({ busy: false, failure: '' });
  const printBooklet = async () => {
    setBooklet({ busy: true, failure: '' });
    try {
      await downloadBookletFor(enterprise);
      setBooklet({ busy: false, failure: '' });
    } catch (error) {
      setBooklet({ busy: false, failure: errorMessage(error) });
    }
  };
  return (
    <View className='enterprise'>
      <View className='enterprise__head'>
        <Text className='enterprise__name'>{enterprise.name}</Text>
        <Tag tone={gradeTone(enterprise.creditGrade)} className='enterprise__grade'>
          信用{enterprise.creditGrade}级
        </Tag>
      </View>
      <Text className='enterprise__line'>统一社会信用代码：{enterprise.creditCode}</Text>
      <Text className='enterprise__line'>联系电话：{phoneLabel(enterprise.phone)}</Text>
      <Text className='enterprise__line enterprise__line--muted'>
        {[enterprise.industry, enterprise.region].filter(Boolean).join(' · ')}
        {enterprise.lowTouch ? '　无感监管' : ''}
      </Text>
      <Button className='enterprise__booklet' data-credit-code={enterprise.creditCode} size='mini' disabled={booklet.busy} onClick={() => void printBooklet()}>
        {booklet.busy ? '正在生成…' : '下载打印一企一册'}
      </Button>
      {booklet.failure && <Notice className='enterprise__booklet-error' tone='danger'>{booklet.failure}</Notice>}
    </View>
  );
}

/** A way into one part of the app: title, what it holds, an arrow. */
function Entry({ id, url, title, sub }: { id: string; url: string; title: string; sub: string }) {
  return (
    <View id={id} className='home__entry' hoverClass='home__entry--pressed' onClick={() => void Taro.navigateTo({ url })}>
      <View className='home__entry-text'>
        <Text className='home__entry-title'>{title}</Text>
        <Text className='home__entry-sub'>{sub}</Text>
      </View>
      <Text className='home__entry-arrow'>›</Text>
    </View>
  );
}

export default function HomePage() {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [searchText, setSearchText] = useState('');
  /** The query the shown results belong to; "load more" continues it, not what is being typed. */
  const [activeQuery, setActiveQuery] = useState('');
  const [enterprises, setEnterprises] = useState<EnterpriseDto[]>([]);
  const [lastPage, setLastPage] = useState<Page<EnterpriseDto> | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState('');
  const latestSearch = useRef(0);

  const search = async (query: string, page: number) => {
    const ticket = ++latestSearch.current;
    setSearching(true);
    setSearchError('');
    try {
      const result = await searchEnterprises(query, page);
      // Answers can overtake each other; only the latest search may fill the list. That is also
      // why the search button stays enabled while a search runs: a new one supersedes it.
      if (ticket !== latestSearch.current) return;
      setEnterprises((shown) => mergeEnterprisePage(shown, result));
      setLastPage(result);
      setActiveQuery(query);
    } catch (error) {
      if (ticket === latestSearch.current) setSearchError(errorMessage(error));
    } finally {
      if (ticket === latestSearch.current) setSearching(false);
    }
  };

  useLoad(() => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    // Supervisors, discipline inspectors and agency admins work in the web console.
    if (process.env.TARO_ENV === 'h5' && isDeskRole(session.user.role)) {
      void Taro.reLaunch({ url: CONSOLE_CASES_PAGE });
      return;
    }
    setUser(session.user);
    // A 401 here is handled by the request layer (back to login); on any other failure the
    // stored user is still good enough to greet with.
    refreshCurrentUser().then(setUser, () => undefined);
    void search('', 1);
  });

  const submitSearch = () => void search(searchText.trim(), 1);

  return (
    <View className='home'>
      <PageHeader id='home-user' title={`欢迎，${user?.displayName ?? ''}`} subtitle={user ? roleLabel(user.role) : ''}>
        <Button id='logout' className='page-header__action' size='mini' onClick={logout}>
          退出登录
        </Button>
      </PageHeader>

      <Entry id='go-plans' url={PLANS_PAGE} title='检查计划' sub='报备计划、联合检查、生成检查码' />
      <Entry id='go-scan' url={SCAN_PAGE} title='扫码入企' sub='今天的检查、扫营业执照登记入企、记录结果' />
      <Entry id='go-cases' url={PENALTY_CASES_PAGE} title='行政处罚案件' sub='立案、告知、作出决定、强制措施、结案' />
      {user && <FollowUpsCard />}

      <Card title='企业名录查询' className='home__search-card'>
        <View className='home__search'>
          <Input
            id='enterprise-search'
            className='home__search-input'
            value={searchText}
            placeholder='企业名称或统一社会信用代码'
            confirmType='search'
            onInput={(event) => setSearchText(event.detail.value)}
            onConfirm={submitSearch}
          />
          <PrimaryButton id='enterprise-search-submit' className='home__search-button' size='mini' onClick={submitSearch}>
            搜索
          </PrimaryButton>
        </View>

        {searchError && (
          <Notice id='enterprise-error' tone='danger'>
            {searchError}
          </Notice>
        )}

        {lastPage && <Text className='home__summary'>{searchSummary(activeQuery, lastPage.total)}</Text>}

        <View id='enterprise-list' className='home__list'>
          {enterprises.map((enterprise) => (
            <EnterpriseCard key={enterprise.creditCode} enterprise={enterprise} />
          ))}
        </View>

        {searching && <Text className='home__summary'>正在查询…</Text>}

        {lastPage && hasMorePages(lastPage) && !searching && (
          <LoadMoreButton id='enterprise-more' onClick={() => void search(activeQuery, lastPage.page + 1)} />
        )}
      </Card>
    </View>
  );
}
