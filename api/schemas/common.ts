// TypeBox schemas shared by several routes.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String({ description: 'What went wrong and what to change' }),
  },
  { $id: 'ErrorResponse' },
);

const Year = (description: string) => Type.Integer({ minimum: 1949, maximum: 2100, description });
const Name = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

/** The filters every cohort-based metric accepts; names match the web's URL parameters. */
export const CohortFilters = Type.Object(
  {
    cohort_from: Type.Optional(Year('First entry cohort (year), inclusive')),
    cohort_to: Type.Optional(Year('Last entry cohort (year), inclusive')),
    level: Type.Optional(Name('Level of study: 本科, 专科, 硕士, 博士')),
    college: Type.Optional(Name('College (学院), as listed by /api/meta')),
    major: Type.Optional(Name('Major (专业), as listed by /api/meta')),
  },
  { additionalProperties: false },
);
export type CohortFilters = Static<typeof CohortFilters>;

export const errorResponses = { 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse } as const;

/**
 * A row of an aggregate table as the API answers it: the listed measures may be null when the access
 * plugin suppressed the cell (suppressed: true) or censored an extreme rate (censored: { field: '<5%' }).
 */
export function suppressibleRow<T extends Record<string, TSchema>>(dimensions: T, measures: Record<string, TSchema>) {
  const nullable = Object.fromEntries(Object.entries(measures).map(([name, schema]) => [name, Type.Union([schema, Type.Null()])]));
  return Type.Object({
    ...dimensions,
    ...nullable,
    suppressed: Type.Optional(Type.Boolean({ description: 'The cell counts fewer people than the suppression threshold, or hides one that does' })),
    censored: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Rates shown as "<5%" or ">95%" on small bases' })),
  });
}

/** The note every suppressible answer may carry: the threshold used and how many cells were hidden. */
export const SuppressionNote = Type.Optional(Type.Object({ threshold: Type.Integer(), cells: Type.Integer() }));

/** One of a fixed set of strings, validated as a JSON-schema enum (so a 400 lists the allowed values). */
export function oneOf<const T extends readonly string[]>(values: T, options: { description: string; default?: T[number] }) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * The query parameters of a paged table (api/plugins/table-page.ts): one page, in one order. `sortable`
 * lists the columns it sorts by, the first being the default.
 */
export function pageProperties(sortable: readonly string[]) {
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Rows per page; absent: every row' })),
    offset: Type.Integer({ minimum: 0, default: 0, description: 'Rows to skip (with limit: the page starts after them)' }),
    sort: oneOf(sortable, { default: sortable[0], description: 'Column to sort by; empty values always come last' }),
    direction: Type.Optional(oneOf(['asc', 'desc'] as const, { description: 'asc or desc; absent: rates, counts and z high to low, the rest ascending' })),
  };
}

/** Which page of a paged table an answer holds. */
export const PageNote = Type.Object({
  total: Type.Integer({ description: 'Rows in the whole (filtered) table' }),
  offset: Type.Integer(),
  limit: Type.Union([Type.Integer(), Type.Null()]),
  sort: Type.String(),
  direction: Type.Union([Type.Literal('asc'), Type.Literal('desc')]),
});
