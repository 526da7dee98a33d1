// Serves the built web app (build/web) on the API's own port. The app is a single page: any GET that
// is not an API route or a file gets index.html, and the client-side router takes over.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { errorBody } from '../errors.ts';

export default fp<{ webRoot: string }>(
  async (app, { webRoot }) => {
    const built = existsSync(path.join(webRoot, 'index.html'));
    if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api') || !['GET', 'HEAD'].includes(request.method)) {
        return reply.status(404).send(errorBody(404, `No route ${request.method} ${request.url.split('?')[0]}; see /api/docs`));
      }
      if (!built) {
        return reply.status(404).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web`.');
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  },
  { name: 'web' },
);
