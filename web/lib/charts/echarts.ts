// The one ECharts lifecycle of the web app (DESIGN.md: "one ECharts wrapper used by every chart").
// Only Chart.svelte uses it; pages build options (pure functions) and hand them to <Chart>.
//
// - Tree-shaken: only the charts, components and renderers registered below end up in the bundle
//   (TOOLCHAIN.md: import from echarts/core). A new chart type is registered here, nowhere else.
// - One instance per element: created when the element mounts, disposed when it unmounts, every
//   listener and observer removed with it.
// - Each option replaces the previous one (`notMerge: true`): no stale series when filters change.
// - Follows its element's size through a ResizeObserver (one resize per animation frame; none while
//   the element is hidden, e.g. while the data-table view is shown).
// - `data-echarts-ready="true"` is set on the element after ECharts' 'finished' event and reset to
//   "false" when a new option is set, so end-to-end tests can wait for a drawn chart.

import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
// Status area: flows (Sankey), relative-risk forest plot (scatter with custom whiskers, a reference line).
import { CustomChart, SankeyChart, ScatterChart } from 'echarts/charts';
import type { CustomSeriesOption, SankeySeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import type { MarkLineComponentOption } from 'echarts/components';
// Grades area: box plots of score distributions (intervals use the scatter and custom series above).
import { BoxplotChart } from 'echarts/charts';
import type { BoxplotSeriesOption } from 'echarts/charts';
import {
	DataZoomComponent,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
} from 'echarts/components';
import type {
	DataZoomComponentOption,
	GridComponentOption,
	LegendComponentOption,
	TitleComponentOption,
	TooltipComponentOption,
} from 'echarts/components';
import { init, registerTheme, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { Action } from 'svelte/action';

use([
	LineChart,
	BarChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	DataZoomComponent,
	TitleComponent,
	SankeyChart,
	ScatterChart,
	CustomChart,
	MarkLineComponent,
	BoxplotChart,
	CanvasRenderer,
	SVGRenderer,
]);

/** The options our registered charts and components accept. */
export type ChartOption = ComposeOption<
	| LineSeriesOption
	| BarSeriesOption
	| GridComponentOption
	| TooltipComponentOption
	| LegendComponentOption
	| DataZoomComponentOption
	| TitleComponentOption
	| SankeySeriesOption
	| ScatterSeriesOption
	| CustomSeriesOption
	| MarkLineComponentOption
	| BoxplotSeriesOption
>;

export type ChartInstance = EChartsType;

/** The same font stack as the page, so Chinese on the canvas uses the same CJK font as the HTML. */
export const CHART_FONT_FAMILY =
	'"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

// Ten hues that stay apart for the usual 5–8 cohort lines and remain distinguishable for the
// common colour-vision deficiencies (ordered so neighbours differ in lightness as well as hue).
export const CHART_PALETTE = [
	'#2f6fb5',
	'#e07b39',
	'#2e9e6b',
	'#c8455a',
	'#7b5cb8',
	'#1f9fb3',
	'#b58a2f',
	'#5c6b7a',
	'#d45fa0',
	'#7fa23a',
];

const THEME = 'xueji';
registerTheme(THEME, {
	color: CHART_PALETTE,
	backgroundColor: 'transparent',
	textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#334155' },
	legend: { textStyle: { color: '#334155' } },
	categoryAxis: {
		axisLine: { lineStyle: { color: '#94a3b8' } },
		axisTick: { lineStyle: { color: '#94a3b8' } },
		axisLabel: { color: '#475569' },
		splitLine: { show: false },
	},
	valueAxis: {
		axisLine: { show: false },
		axisLabel: { color: '#475569' },
		splitLine: { lineStyle: { color: '#e2e8f0' } },
	},
});

export interface EChartsParams {
	option: ChartOption;
	/** Canvas on screen (fast with many points); SVG for crisp print or vector export. */
	renderer?: 'canvas' | 'svg';
	/** Receives the instance after it is created, and null when it is disposed. */
	onInstance?: (chart: ChartInstance | null) => void;
	/** A click on a data item (a bar, a point, a box): for drill-downs. */
	onClick?: (item: ChartClick) => void;
}

/** What a click on a data item reports (the part of ECharts' event params the pages use). */
export interface ChartClick {
	name: string;
	seriesName?: string;
	seriesIndex?: number;
	dataIndex: number;
}

export const echarts: Action<HTMLElement, EChartsParams> = (node, initial) => {
	let params = initial;
	const chart = init(node, THEME, { renderer: params.renderer ?? 'canvas' });
	let disposed = false;
	let frame = 0;

	const markReady = () => {
		if (!disposed) node.dataset.echartsReady = 'true';
	};
	chart.on('finished', markReady);
	// The latest params' handler, so a new one takes effect without re-binding.
	const click = (event: unknown) => params.onClick?.(event as ChartClick);
	chart.on('click', click);

	const draw = (option: ChartOption) => {
		node.dataset.echartsReady = 'false';
		chart.setOption(option, { notMerge: true });
	};

	const observer = new ResizeObserver(([entry]) => {
		if (!entry || entry.contentRect.width === 0 || entry.contentRect.height === 0) return;
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(() => {
			if (!disposed) chart.resize();
		});
	});
	observer.observe(node);

	draw(params.option);
	params.onInstance?.(chart);

	return {
		update(next) {
			if (disposed) return;
			const previous = params;
			params = next;
			if (next.option !== previous.option) draw(next.option);
			if (next.onInstance !== previous.onInstance) next.onInstance?.(chart);
		},
		destroy() {
			disposed = true;
			cancelAnimationFrame(frame);
			observer.disconnect();
			chart.off('finished', markReady);
			chart.off('click', click);
			chart.dispose();
			params.onInstance?.(null);
			delete node.dataset.echartsReady;
		},
	};
};
