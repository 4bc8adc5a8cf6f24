import type { EChartsCoreOption } from 'echarts/core';
import type { TTrends } from '../../../shared/api/dashboard.ts';

// Options of the trends' charts, from the API's series. Colours keep 4.5:1 on white, so lines and the
// legend read for anyone; the same colour means the same thing on every chart (blue in, green done).
export const COLOURS = { blue: '#0958d9', green: '#237804', orange: '#ad4e00', purple: '#531dab' } as const;

type Series = { day: string; value: number | null }[];

export interface Named {
  name: string;
  series: Series;
  kind: 'bar' | 'line';
  colour: string;
  /** on the right-hand axis (another unit) */
  right?: boolean;
}

const AXIS_TEXT = { color: 'rgba(0, 0, 0, 0.75)', fontSize: 13 };
const shortDay = (day: string) => day.slice(5);

/** Bars and lines over the days; a second axis on the right when a series has another unit. */
export function dailyChart(days: readonly string[], lines: readonly Named[]): EChartsCoreOption {
  const rightAxis = lines.some((l) => l.right);
  return {
    animation: false,
    color: lines.map((l) => l.colour),
    grid: { left: 8, right: rightAxis ? 8 : 16, top: 44, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { ...AXIS_TEXT, fontSize: 14 }, itemGap: 16 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map(shortDay), axisLabel: AXIS_TEXT },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
      ...(rightAxis ? [{ type: 'value', axisLabel: AXIS_TEXT, splitLine: { show: false } }] : []),
    ],
    series: lines.map((l) => ({
      name: l.name,
      type: l.kind,
      yAxisIndex: l.right ? 1 : 0,
      data: l.series.map((d) => d.value),
      barMaxWidth: 18,
      connectNulls: false,
      symbolSize: 6,
      lineStyle: { width: 3 },
    })),
  };
}

/** Each round as a bar of its minutes, with the residents sampled as a line on the right. */
export function roundsChart(
  rounds: TTrends['testingRounds'],
  names: { minutes: string; tested: string },
): EChartsCoreOption {
  return {
    animation: false,
    color: [COLOURS.purple, COLOURS.blue],
    grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { ...AXIS_TEXT, fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rounds.map((r) => `${shortDay(r.day)}\n${r.title}`),
      axisLabel: { ...AXIS_TEXT, interval: 0, fontSize: 12 },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
      { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT, splitLine: { show: false } },
    ],
    series: [
      { name: names.minutes, type: 'bar', data: rounds.map((r) => r.durationMinutes), barMaxWidth: 28 },
      {
        name: names.tested,
        type: 'line',
        yAxisIndex: 1,
        data: rounds.map((r) => r.tested),
        lineStyle: { width: 3 },
      },
    ],
  };
}

const sum = (s: Series) => s.reduce((n, d) => n + (d.value ?? 0), 0);

/** What a chart shows, said in words: each series' total (bars) or its last day (lines). */
export function chartParts(
  lines: readonly Named[],
  say: { total: (name: string, total: string) => string; last: (name: string, value: string) => string },
  format: (n: number) => string,
): string[] {
  return lines.map((l) => {
    if (l.kind === 'bar') return say.total(l.name, format(Math.round(sum(l.series) * 10) / 10));
    const last = [...l.series].reverse().find((d) => d.value !== null)?.value;
    return say.last(l.name, last === undefined || last === null ? '—' : format(last));
  });
}
