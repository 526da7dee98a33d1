// The report's charts, drawn on the server: ECharts in server-side rendering mode to an SVG string
// (`init(null, null, { renderer: 'svg', ssr: true, width, height })`, `renderToSVGString()`), which
// the PDF renderer draws as vectors (svg-to-pdfkit). No animation, no browser. A chart with nothing to
// show is left out (null) rather than drawn empty.
import * as echarts from 'echarts';
import type { CohortReport } from './cohort-report.ts';

export interface ReportChart {
  title: string;
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 495;
const HEIGHT = 230;
/** The family name the PDF maps to its registered CJK font (pdf-report.ts). */
export const CHART_FONT = 'cjk';

/**
 * Charts are laid out on a canvas this much larger than the space they get on the page, then drawn
 * scaled down (the SVG's viewBox): ECharts' 12 px labels come out at about 8 pt, the size of the tables.
 */
const LAYOUT_SCALE = 1.45;

function render(option: echarts.EChartsCoreOption, width = WIDTH, height = HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: Math.round(width * LAYOUT_SCALE), height: Math.round(height * LAYOUT_SCALE) });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    // The drawn size in points; the viewBox keeps the layout size, so the drawing scales down.
    return chart.renderToSVGString().replace(/^<svg width="\d+" height="\d+"/, `<svg width="${width}" height="${height}"`);
  } finally {
    chart.dispose();
  }
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** Mean score per term (bars) and fail rate (line, right axis); hidden terms are gaps. */
function trendsChart(report: CohortReport): ReportChart | null {
  const rows = report.sections.find((s) => s.id === 'trends')!.rows;
  if (!rows.some((row) => num(row.mean) !== null)) return null;
  const svg = render({
    legend: { top: 0, data: ['平均分', '不及格率'] },
    grid: { left: 48, right: 52, top: 32, bottom: 36 },
    xAxis: { type: 'category', name: '学期', nameLocation: 'middle', nameGap: 24, data: rows.map((row) => `${row.term_index}`) },
    yAxis: [
      { type: 'value', name: '平均分', min: 0, max: 100 },
      { type: 'value', name: '不及格率 %', min: 0, splitLine: { show: false } },
    ],
    series: [
      { name: '平均分', type: 'bar', data: rows.map((row) => round(num(row.mean), 1)), itemStyle: { color: '#3b6ea5' }, label: { show: rows.length <= 12, position: 'top', fontSize: 11, color: '#333' } },
      { name: '不及格率', type: 'line', yAxisIndex: 1, data: rows.map((row) => round(num(row.fail_rate) === null ? null : num(row.fail_rate)! * 100, 1)), itemStyle: { color: '#c0504d' } },
    ],
  });
  return { title: '各学期平均分与不及格率', svg, width: WIDTH, height: HEIGHT };
}

/** DFW rate of the ranked courses with their Wilson interval drawn as a whisker. */
function coursesChart(report: CohortReport): ReportChart | null {
  const rows = report.sections.find((s) => s.id === 'courses')!.rows.filter((row) => num(row.dfw_rate) !== null);
  if (rows.length === 0) return null;
  const names = rows.map((row) => String(row.course_name ?? row.course_id)).reverse();
  const ordered = [...rows].reverse();
  const height = Math.max(140, 40 + rows.length * 22);
  const svg = render(
    {
      grid: { left: 110, right: 30, top: 16, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, name: 'DFW %', nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'category', data: names, axisLabel: { width: 100, overflow: 'truncate' } },
      series: [
        { type: 'bar', data: ordered.map((row) => round(num(row.dfw_rate)! * 100, 1)), itemStyle: { color: '#e0a040' }, barWidth: 12 },
        {
          // The interval as a thin line from its low to its high end on each course's row.
          type: 'custom',
          renderItem: (params: { dataIndex: number }, api: { value: (i: number) => number; coord: (p: [number, number]) => [number, number] }) => {
            const low = api.coord([api.value(0), params.dataIndex]);
            const high = api.coord([api.value(1), params.dataIndex]);
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: '#333', lineWidth: 1 } },
                { type: 'line', shape: { x1: low[0], y1: low[1] - 4, x2: low[0], y2: low[1] + 4 }, style: { stroke: '#333', lineWidth: 1 } },
                { type: 'line', shape: { x1: high[0], y1: high[1] - 4, x2: high[0], y2: high[1] + 4 }, style: { stroke: '#333', lineWidth: 1 } },
              ],
            };
          },
          encode: { x: [0, 1] },
          data: ordered.map((row) => [round(num(row.ci_low)! * 100, 1), round(num(row.ci_high)! * 100, 1)]),
        },
      ],
    },
    WIDTH,
    height,
  );
  return { title: 'DFW 率与 Wilson 95% 区间', svg, width: WIDTH, height };
}

/** Change records per type. */
function changesChart(report: CohortReport): ReportChart | null {
  const rows = report.sections.find((s) => s.id === 'changes')!.rows.filter((row) => num(row.changes) !== null);
  if (rows.length === 0) return null;
  const svg = render({
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((row) => String(row.group_name)), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: rows.map((row) => row.changes as number), itemStyle: { color: '#5b9b6b' }, label: { show: true, position: 'top', fontSize: 11, color: '#333' } }],
  });
  return { title: '学籍异动记录（按类型）', svg, width: WIDTH, height: HEIGHT };
}

/** The charts of each section that has one. */
export function reportCharts(report: CohortReport): Partial<Record<'trends' | 'courses' | 'changes', ReportChart>> {
  const charts: Partial<Record<'trends' | 'courses' | 'changes', ReportChart>> = {};
  const trends = trendsChart(report);
  const courses = coursesChart(report);
  const changes = changesChart(report);
  if (trends) charts.trends = trends;
  if (courses) charts.courses = courses;
  if (changes) charts.changes = changes;
  return charts;
}
