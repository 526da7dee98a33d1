// The most common sequences of status changes (休学→复学→毕业 …) as horizontal bars, coloured by what
// they led to. Pure: the rows of GET /api/status/sequences in, an ECharts option out.

import type { StatusCategory, StatusSequenceRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CATEGORY_COLORS, escapeHtml, GRID, muted, type StatusFormatters } from './labels.ts';

export interface SequenceLabels extends StatusFormatters {
	/** The pooled rest: "其他 (n 种)". */
	other(sequences: number): string;
	category(category: StatusCategory): string;
	students: string;
	/** The arrow between steps as shown (→). */
	sequence(text: string): string;
}

export function sequenceName(row: StatusSequenceRow, labels: SequenceLabels): string {
	return row.other || row.sequence === null ? labels.other(row.sequences) : labels.sequence(row.sequence);
}

export function sequencesOption(rows: readonly StatusSequenceRow[], labels: SequenceLabels): ChartOption | null {
	if (rows.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8, right: 40 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const row = rows[p.dataIndex];
				const head = `<b>${escapeHtml(sequenceName(row, labels))}</b>`;
				if (row.suppressed || row.students === null) return `${head}<br/>${muted(labels.suppressed)}`;
				const outcome = row.outcome ? `<br/>${muted(labels.category(row.outcome))}` : '';
				return `${head}<br/><b>${escapeHtml(labels.count(row.students))}</b> ${muted(labels.students)}${outcome}`;
			},
		},
		xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
		yAxis: {
			type: 'category',
			inverse: true,
			data: rows.map((r) => sequenceName(r, labels)),
			axisLabel: { width: 220, overflow: 'truncate' },
		},
		series: [
			{
				type: 'bar',
				name: labels.students,
				barMaxWidth: 20,
				data: rows.map((r) => ({
					value: r.suppressed ? null : r.students,
					itemStyle: { color: r.outcome ? CATEGORY_COLORS[r.outcome] : '#94a3b8' },
				})),
				label: {
					show: true,
					position: 'right',
					formatter: (p: { dataIndex: number }) => {
						const students = rows[p.dataIndex].students;
						return students === null ? '' : labels.count(students);
					},
				},
			},
		],
	};
}
