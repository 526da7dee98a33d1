// Flows from entry to outcome as a Sankey: one column per stage (entry, the end of each study year,
// now), one node per status category in it, links counted in students. Pure: the rows of
// GET /api/status/flows in, an ECharts option out. Hidden (suppressed) links are left out of the
// drawing — the card's footnote says how many — and so are nodes reached only through them.

import type { StatusCategory, StatusFlowRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CATEGORY_COLORS, CATEGORY_ORDER, escapeHtml, muted, type StatusFormatters } from './labels.ts';

/** The stage of "now" in the API's node ids. */
export const NOW_STAGE = 99;

/** Nodes holding less than this share of the entrants get no label on the chart (see the tooltip). */
export const LABEL_SHARE = 0.015;

export interface FlowLabels extends StatusFormatters {
	/** A stage's name: 入学, 第2学年末, 现状. */
	stage(stage: number): string;
	category(category: StatusCategory | 'entry'): string;
	students: string;
}

export interface FlowNode {
	/** The API's id, "stage:category". */
	name: string;
	stage: number;
	category: StatusCategory | 'entry';
	/** The column it is drawn in (now comes right after the last year shown). */
	depth: number;
	/** Students through the node: the larger of what flows in and out. */
	value: number;
}

function parseNode(id: string): { stage: number; category: StatusCategory | 'entry' } {
	const [stage, category] = id.split(':');
	return { stage: Number(stage), category: category as StatusCategory | 'entry' };
}

/** The nodes of the visible links, in column order and, within a column, in category order. */
export function flowNodes(rows: readonly StatusFlowRow[]): FlowNode[] {
	const visible = rows.filter((r) => !r.suppressed && (r.students ?? 0) > 0);
	const inflow = new Map<string, number>();
	const outflow = new Map<string, number>();
	for (const r of visible) {
		outflow.set(r.source, (outflow.get(r.source) ?? 0) + r.students!);
		inflow.set(r.target, (inflow.get(r.target) ?? 0) + r.students!);
	}
	const ids = [...new Set([...outflow.keys(), ...inflow.keys()])];
	const lastYear = Math.max(0, ...ids.map((id) => parseNode(id).stage).filter((s) => s !== NOW_STAGE));
	return ids
		.map((name) => {
			const { stage, category } = parseNode(name);
			return {
				name,
				stage,
				category,
				depth: stage === NOW_STAGE ? lastYear + 1 : stage,
				value: Math.max(inflow.get(name) ?? 0, outflow.get(name) ?? 0),
			};
		})
		.sort((a, b) => a.depth - b.depth || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
}

export function flowsOption(rows: readonly StatusFlowRow[], labels: FlowLabels): ChartOption | null {
	const nodes = flowNodes(rows);
	if (nodes.length === 0) return null;
	const byName = new Map(nodes.map((n) => [n.name, n]));
	const nodeLabel = (name: string) => {
		const node = byName.get(name)!;
		return `${labels.stage(node.stage)} · ${labels.category(node.category)}`;
	};
	const entered = Math.max(...nodes.filter((n) => n.depth === 0).map((n) => n.value), 0);
	const labelFloor = entered * LABEL_SHARE;
	const links = rows
		.filter((r) => !r.suppressed && (r.students ?? 0) > 0)
		.map((r) => ({ source: r.source, target: r.target, value: r.students! }));
	return {
		animationDuration: 400,
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const p = raw as { dataType?: string; data: { name?: string; source?: string; target?: string; value?: number } };
				if (p.dataType === 'edge') {
					const { source, target, value } = p.data;
					return `${escapeHtml(nodeLabel(source!))} → ${escapeHtml(nodeLabel(target!))}<br/><b>${escapeHtml(labels.count(value ?? 0))}</b> ${muted(labels.students)}`;
				}
				const node = byName.get(p.data.name!)!;
				return `${escapeHtml(nodeLabel(node.name))}<br/><b>${escapeHtml(labels.count(node.value))}</b> ${muted(labels.students)}`;
			},
		},
		series: [
			{
				type: 'sankey',
				left: 8,
				right: 96,
				top: 16,
				bottom: 16,
				nodeWidth: 14,
				nodeGap: 10,
				nodeAlign: 'left',
				// Keep the category order within each column (no re-sorting by the layout).
				layoutIterations: 0,
				draggable: false,
				emphasis: { focus: 'adjacency' },
				data: nodes.map((n) => ({ name: n.name, depth: n.depth, itemStyle: { color: CATEGORY_COLORS[n.category] } })),
				links,
				lineStyle: { color: 'gradient', opacity: 0.3, curveness: 0.5 },
				// On a narrow screen the columns are close: a label that would cover another is dropped.
				labelLayout: { hideOverlap: true },
				label: {
					fontSize: 11,
					// Nodes thinner than a line of text would print their labels on top of each other:
					// theirs are left to the tooltip and the data table.
					formatter: (p: { name: string }) => {
						const node = byName.get(p.name)!;
						return node.value < labelFloor ? '' : `${labels.category(node.category)} ${labels.count(node.value)}`;
					},
				},
			},
		],
	};
}

/** The column headings under the Sankey, in order: 入学, 第1学年末 … 现状. */
export function flowStages(rows: readonly StatusFlowRow[]): number[] {
	return [...new Set(flowNodes(rows).map((n) => n.stage))].sort((a, b) => a - b);
}
