// The one response cache of the API (DESIGN.md: "every cached answer and ETag is keyed by VERSION").
// A route opts in with `config.cache: true`; its handler must *return* its answer (never reply.send),
// and that answer must depend only on the data version, the validated query and the path parameters.
// The key is route + VERSION + query (+ params), taken after validation (defaults filled in) and after
// the access plugin has pinned a college account's `college` — that pin is the role scope. The answer
// is cached BEFORE suppression: the access plugin suppresses per caller in preSerialization, so one
// cached answer serves a 教务处 account unsuppressed and a leader suppressed. A route whose answer also
// depends on the caller in another way declares it: `cache: { vary: (request) => … }` joins the key.
//
// Never for routes whose answers change without a VERSION change (audit log, accessions, accounts,
// sign-in): those simply do not declare `cache`. Only GET routes may.
//
// ETag: a hash of the key and the caller's role (suppression differs by role), with `Cache-Control:
// private, no-cache` and `Vary: Cookie`; a matching If-None-Match gets 304 without any computation.
// XUEJI_RESPONSE_CACHE=off (option `enabled: false`) computes every answer afresh — for benchmarks of
// the uncached path; ETags and 304s still work (they need no stored answer).
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { pageParameters } from './table-page.ts';
import { AnswerCache, answerKey, DEFAULT_CACHE_LIMITS, type AnswerCacheLimits } from '../answer-cache.ts';

export type RouteCache = true | { vary: (request: FastifyRequest) => unknown };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET route's answers by VERSION and query (api/plugins/response-cache.ts). */
    cache?: RouteCache;
  }
  interface FastifyInstance {
    /** The response cache (for tests and the bench: its size). */
    responseCache: AnswerCache;
  }
}

export interface ResponseCacheOptions {
  /** Keep computed answers (default true); off, every request computes (ETags still answered). */
  enabled?: boolean;
  limits?: AnswerCacheLimits;
}

const WRAPPED = Symbol('response-cache');

export default fp<ResponseCacheOptions>(
  async (app, options) => {
    const enabled = options.enabled ?? true;
    const answers = new AnswerCache(options.limits ?? DEFAULT_CACHE_LIMITS);
    app.decorate('responseCache', answers);

    app.addHook('onRoute', (route) => {
      const cache = route.config?.cache;
      if (!cache) return;
      const methods = [route.method].flat();
      if (methods.some((method) => method !== 'GET' && method !== 'HEAD')) {
        throw new Error(`route ${methods.join(',')} ${route.url} declares config.cache, but only GET answers may be cached`);
      }
      const handler = route.handler as RouteHandlerMethod & { [WRAPPED]?: true };
      if (handler[WRAPPED]) return; // the HEAD twin of a GET route shares its wrapped handler
      const url = route.url;
      const vary = cache === true ? undefined : cache.vary;
      const paged = route.config?.page ? pageParameters(route.config.page) : [];
      const wrapped: RouteHandlerMethod & { [WRAPPED]?: true } = async function (this: unknown, request, reply) {
        const version = await app.archive.ensureCurrent();
        // No data yet: the handler answers 503 itself; nothing to key by.
        if (version === null) return handler.call(this as never, request, reply);
        // One flat object, so answerKey's sorting makes the key independent of parameter order; path
        // parameters and the route's own variation get prefixes no query name has.
        const params = Object.entries((request.params ?? {}) as Record<string, unknown>).map(([name, value]) => [`:${name}`, value]);
        // A paged table's page and order are chosen after the answer (api/plugins/table-page.ts): one
        // stored answer serves them all, while the ETag, which stands for what is sent, covers them.
        const query = { ...(request.query as Record<string, unknown> | undefined) };
        const shown: Record<string, unknown> = {};
        for (const name of paged) {
          shown[name] = query[name];
          delete query[name];
        }
        const key = answerKey(url, version, { ...query, ...Object.fromEntries(params), '~vary': vary ? vary(request) : undefined });
        const sent = paged.length > 0 ? `${key}\u0000${JSON.stringify(shown)}` : key;
        const etag = `"${createHash('sha256').update(`${sent}\u0000${request.user?.role ?? ''}`).digest('base64url').slice(0, 27)}"`;
        reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Cookie');
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        if (!enabled) return handler.call(this as never, request, reply);
        return answers.get(key, async () => handler.call(this as never, request, reply));
      };
      wrapped[WRAPPED] = true;
      route.handler = wrapped;
    });

    // A cached answer, and its suppressed form (api/plugins/access.ts), is the same object on every
    // hit, so its JSON text is too: kept beside it, a hit skips serializing — most of a hit's cost for a
    // large answer (the courses table: ~670 KB at 300,000 students). Registered after the access and
    // formats hooks, so it sees what the caller is sent; files (format=csv|arrow) are not objects here.
    const jsonOf = new WeakMap<object, string>();
    app.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!enabled || !request.routeOptions.config.cache || reply.statusCode !== 200) return payload;
      if (!payload || Object.getPrototypeOf(payload) !== Object.prototype) return payload;
      let json = jsonOf.get(payload);
      if (json === undefined) {
        json = reply.serialize(payload) as string;
        jsonOf.set(payload, json);
      }
      // The identity serializer: what this hook returns is already the JSON text.
      reply.serializer((text: unknown) => text as string);
      return json;
    });
  },
  { name: 'response-cache', dependencies: ['archive', 'access', 'table-page', 'formats'] },
);
