// What the filters can offer: cohorts, levels, colleges with their majors.
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../schemas/common.ts';

const Meta = Type.Object({
  version: Type.String(),
  cohorts: Type.Array(Type.Integer()),
  levels: Type.Array(Type.String()),
  colleges: Type.Array(Type.Object({ name: Type.String(), majors: Type.Array(Type.String()) })),
});

interface OptionRow {
  entry_year: number;
  level: string;
  college: string;
  major: string;
}

const meta: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/meta', { schema: { tags: ['meta'], summary: 'Filter options', response: { 200: Meta, ...errorResponses } } }, async () => {
    const version = await app.requireVersion();
    const rows = (await app.archive.db.query('meta/filter-options')) as unknown as OptionRow[];
    const majors = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!majors.has(row.college)) majors.set(row.college, new Set());
      majors.get(row.college)!.add(row.major);
    }
    const collator = new Intl.Collator('zh-CN');
    return {
      version,
      cohorts: [...new Set(rows.map((r) => r.entry_year))].sort((a, b) => a - b),
      levels: [...new Set(rows.map((r) => r.level))].sort(collator.compare),
      colleges: [...majors.keys()].sort(collator.compare).map((name) => ({ name, majors: [...majors.get(name)!].sort(collator.compare) })),
    };
  });
};

export default meta;
