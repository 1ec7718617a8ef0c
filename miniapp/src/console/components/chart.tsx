/*
 * One ECharts chart, drawn into the element the page renders (the console is H5 only). Only the
 * chart types and components used here are registered, through `echarts/core`, so the bundle
 * carries nothing else. `data-ready="true"` once drawn (for browser tests).
 */
import { View } from '@tarojs/components';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useState } from 'react';
import type { ChartOption } from '../logic/charts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function Chart({ id, option, height = 260 }: { id: string; option: ChartOption; height?: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const element = document.getElementById(id);
    if (!element) return undefined;
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
    chart.setOption(option, true);
    setReady(true);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [id, option]);
  useEffect(() => () => {
    const element = document.getElementById(id);
    if (element) echarts.getInstanceByDom(element)?.dispose();
  }, [id]);
  return <View id={id} className='chart' data-ready={ready ? 'true' : 'false'} style={{ width: '100%', height: `${height}px`, display: 'block' }} />;
}
