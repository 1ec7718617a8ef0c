/*
 * The dashboard's head: the year every yearly section shows (#dash-year, one chip #dash-year-<year>
 * each) and, for supervisors and discipline inspectors, the yearly warning report (#dash-warning-link).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shanghaiDate } from '@mashang/shared';
import { CONSOLE_WARNING_PAGE } from '../../../routes';
import { yearChoices, type DashboardSectionProps } from '../../logic/dashboard-sections';
import { Chip } from '../controls';
import { Panel } from '../panel';
import './dashboard.css';

export function DashboardToolbar({ user, year, onYear }: DashboardSectionProps & { onYear: (year: number) => void }) {
  const overseer = user.role === 'supervisor' || user.role === 'discipline';
  return (
    <Panel className='dash__toolbar'>
      <View id='dash-year' className='chips'>
        <Text className='chips__label'>年度</Text>
        {yearChoices(shanghaiDate(new Date())).map((y) => (
          <Chip key={y} id={`dash-year-${y}`} on={y === year} onClick={() => onYear(y)}>
            {`${y}年`}
          </Chip>
        ))}
      </View>
      {overseer && (
        <Text id='dash-warning-link' className='btn' onClick={() => void Taro.navigateTo({ url: CONSOLE_WARNING_PAGE })}>
          年度高发违法行为预警报告 ›
        </Text>
      )}
    </Panel>
  );
}
