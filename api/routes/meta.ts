// What the filters can offer: cohorts, levels, colleges with their majors, course natures, and which
// attempt rules answer at once (from rollups).
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, oneOf } from '../schemas/common.ts';
import { ATTEMPT_RULES } from '../../analytics/archive/attempt-rules.ts';

const Meta = Type.Object({
  version: Type.String(),
  cohorts: Type.Array(Type.Integer()),
  levels: Type.Array(Type.String()),
  colleges: Type.Array(Type.Object({ name: Type.String(), majors: Type.Array(Type.String()) })),
  course_natures: Type.Array(Type.String(), { description: 'Course natures (课程性质) in the grades, most common first' }),
  attempts_rolled_up: Type.Array(oneOf(ATTEMPT_RULES, { description: 'An attempt rule' }), {
    description: 'The attempt rules this version answers from rollups (at once); the others are worked out from every result (XUEJI_ROLLUP_ATTEMPTS)',
  }),
});

interface OptionRow {
  entry_year: number;
  level: string;
  college: string;
  major: string;
}

const collator = new Intl.Collator('zh-CN');

const meta: FastifyPluginAsyncTypebox = async (app) => {
  // Any signed-in account may list the filter options; a college account sees only its own college
  // (the access plugin puts its college into the query).
  app.get(
    '/api/meta',
    {
      config: { cache: true, access: { roles: 'signed-in', collegeScope: true } },
      schema: { tags: ['meta'], summary: 'Filter options', response: { 200: Meta, ...errorResponses } },
    },
    async (request) => {
      const version = await app.requireVersion();
      const { college } = request.query as { college?: string };
      const rows = (await app.archive.db.query('meta/filter-options', { college })) as unknown as OptionRow[];
      // From their rollup when the version has one (the same answer, without a scan of every grade row).
      const natures = (await app.archive.queryMetric('meta/course-natures')).map((row) => row.course_nature as string);
      const majors = new Map<string, Set<string>>();
      for (const row of rows) {
        if (!majors.has(row.college)) majors.set(row.college, new Set());
        majors.get(row.college)!.add(row.major);
      }
      return {
        version,
        cohorts: [...new Set(rows.map((r) => r.entry_year))].sort((a, b) => a - b),
        levels: [...new Set(rows.map((r) => r.level))].sort(collator.compare),
        colleges: [...majors.keys()].sort(collator.compare).map((name) => ({ name, majors: [...majors.get(name)!].sort(collator.compare) })),
        course_natures: natures,
        attempts_rolled_up: ATTEMPT_RULES.filter((rule) => app.archive.hasRolledUpAttempt(rule)),
      };
    },
  );
};

export default meta;
