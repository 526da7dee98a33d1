// TypeBox schemas shared by several routes.
import { Type, type Static } from '@sinclair/typebox';

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
