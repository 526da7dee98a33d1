// Schemas of the overview area: the leaders' key figures and the insights list.
import { Type, type Static } from '@sinclair/typebox';
import { AREAS, SEVERITIES } from '../../analytics/insights/finding.ts';
import { MEASURES } from '../../analytics/overview/key-figures.ts';
import { SuppressionNote } from './common.ts';

export const OverviewQuery = Type.Object(
  { college: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'One college (a college account always gets its own)' })) },
  { additionalProperties: false },
);

const MeasureInfo = Type.Object({
  measure: Type.Union(MEASURES.map((m) => Type.Literal(m))),
  basis: Type.Union([Type.Literal('academic_year'), Type.Literal('cohort')], { description: 'What a point’s year is' }),
  unit: Type.String({ description: 'students, share (0–1), per_1000, grade_point or requests' }),
  link: Type.String({ description: 'The area page that shows it, with the filters applied' }),
});

const FigurePoint = Type.Object({
  measure: Type.String(),
  year: Type.Integer(),
  value: Type.Union([Type.Number(), Type.Null()]),
  n: Type.Union([Type.Integer(), Type.Null()], { description: 'People (or requests) behind the point' }),
  suppressed: Type.Optional(Type.Boolean()),
});

export const Overview = Type.Object({
  version: Type.String(),
  as_of: Type.Union([Type.String(), Type.Null()]),
  measures: Type.Array(MeasureInfo),
  rows: Type.Array(FigurePoint),
  suppression: SuppressionNote,
});

const choice = <T extends readonly string[]>(values: T, description: string) =>
  Type.Optional(Type.Union(values.map((v) => Type.Literal(v)), { description }));

export const InsightsQuery = Type.Object(
  {
    college: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Findings about one college (a college account always gets its own)' })),
    area: choice(AREAS, 'Only findings of one area'),
    severity: choice(SEVERITIES, 'Only findings of this severity or higher'),
  },
  { additionalProperties: false },
);
export type InsightsQuery = Static<typeof InsightsQuery>;

const Finding = Type.Object({
  rank: Type.Integer(),
  id: Type.Union([Type.String(), Type.Null()]),
  area: Type.String(),
  kind: Type.String(),
  severity: Type.String(),
  college: Type.Union([Type.String(), Type.Null()]),
  n: Type.Union([Type.Integer(), Type.Null()]),
  effect: Type.Union([Type.Number(), Type.Null()], { description: 'Standardized effect (0.2 small, 0.5 medium, 0.8 large)' }),
  p_value: Type.Union([Type.Number(), Type.Null()]),
  q_value: Type.Union([Type.Number(), Type.Null()], { description: 'Benjamini–Hochberg over every test of the scan' }),
  numbers: Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]),
  sentence_zh: Type.Union([Type.String(), Type.Null()]),
  sentence_en: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  suppressed: Type.Optional(Type.Boolean()),
});

export const Insights = Type.Object({
  version: Type.String(),
  as_of: Type.String(),
  alpha: Type.Number({ description: 'The false-discovery rate the findings are held to' }),
  tests: Type.Integer({ description: 'Tests the scan made (all areas, the whole school)' }),
  significant: Type.Integer({ description: 'Of them, significant after Benjamini–Hochberg, material or not' }),
  rows: Type.Array(Finding),
  suppression: SuppressionNote,
});
