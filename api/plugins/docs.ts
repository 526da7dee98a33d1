// OpenAPI: the document at /api/docs/json, browsable docs at /api/docs.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { SOFTWARE } from '../../analytics/archive/software.ts';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: '学籍洞察 Xueji Insight API',
          description: 'Analytics over a university’s archived student records. Every answer names the data VERSION it was computed from.',
          version: SOFTWARE.version,
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  },
  { name: 'docs' },
);
