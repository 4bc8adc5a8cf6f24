// The one place that loads ECharts: only the parts the trends use (tree-shaken), and only in the
// trends page's lazily loaded chunk, so the main bundle does not carry it.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { currentLocale } from '../../i18n/index.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A chart drawn as SVG that follows its box's size. Screen readers get `label` (a sentence with the
 * totals and the last day) instead of the drawing.
 */
export function TrendChart({
  option,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, {
      renderer: 'svg',
      locale: currentLocale() === 'zh-CN' ? 'ZH' : 'EN',
    });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} className="dash-chart" role="img" aria-label={label} data-testid={testId} />;
}
