/*
 * 执法监测: the year picked at the top, then the sections, one component each (components/dashboard/),
 * each given the reader and the year and loading its own figures: the yearly ones, then monitoring
 * (today, the last twelve months, open cases). A new section is one line here.
 */
import { View } from '@tarojs/components';
import { shanghaiDate } from '@mashang/shared';
import { useState } from 'react';
import { DashboardToolbar } from '../../components/dashboard/dashboard-toolbar';
import { MonitoringSection } from '../../components/dashboard/monitoring-section';
import { SatisfactionSection } from '../../components/dashboard/satisfaction-section';
import { VisitsSection } from '../../components/dashboard/visits-section';
import { YearOnYearSection } from '../../components/dashboard/year-on-year-section';
import { OffsiteSharePanel } from '../../offsite-share-panel';
import { VisitKindsSection } from '../../components/visit-kinds-section';
import { ConsoleShell, useDeskSession } from '../../components/shell';
import './index.css';

export default function DashboardPage() {
  const user = useDeskSession();
  const [year, setYear] = useState(() => Number(shanghaiDate(new Date()).slice(0, 4)));
  return (
    <ConsoleShell user={user} tab='dashboard'>
      {user && (
        <View className='dash'>
          <DashboardToolbar user={user} year={year} onYear={setYear} />
          <View className='dash__grid'>
            <YearOnYearSection user={user} year={year} />
            <VisitsSection user={user} year={year} />
            <SatisfactionSection user={user} year={year} />
            <MonitoringSection user={user} year={year} />
            <OffsiteSharePanel />
            <VisitKindsSection />
          </View>
        </View>
      )}
    </ConsoleShell>
  );
}
