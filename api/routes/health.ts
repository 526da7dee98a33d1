import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.Union([Type.String(), Type.Null()], { description: 'The curated data version readers see; null for an empty archive' }),
  students: Type.Integer(),
});

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { config: { access: { roles: 'public' } }, schema: { tags: ['system'], summary: 'Liveness and the data version', response: { 200: Health } } }, async () => {
    const version = await app.archive.ensureCurrent();
    const [row] = version ? await app.archive.db.query('meta/student-count') : [{ students: 0 }];
    return { status: 'ok' as const, version, students: Number(row.students) };
  });
};

export default health;
