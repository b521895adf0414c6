import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import '../contracts/zod-zh.ts';
import { registerHousekeeping } from './db/housekeeping.ts';
import type { Deps } from './deps.ts';
import type { App } from './http/app-types.ts';
import { registerAuthentication } from './http/authenticate.ts';
import { errorBody, handleError } from './http/error-reply.ts';
import { registerSameOriginCheck } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import { registerWebApp, WEB_DIST } from './http/web-app.ts';
import { resolvePrincipal } from './modules/auth/index.ts';
import { MODULES } from './modules/index.ts';
import { type Module, todoRegistryOf } from './modules/module.ts';
import { registerFindingsUpkeep } from './todos/index.ts';

export type BuildOptions = {
  /** Serve the built web app from `dist/` when it exists (the tests of the API leave it out). */
  readonly serveWeb?: boolean;
  readonly logger?: FastifyBaseLogger;
  /** Reverse proxies whose X-Forwarded-For is believed (config.ts, JICENG_TRUST_PROXY); none by default. */
  readonly trustProxy?: string[] | false;
  /** The modules to serve: all of modules/index.ts unless a test serves others. */
  readonly modules?: readonly Module[];
};

/** Builds the application around its dependencies. Never listens: main.ts and the tests decide that. */
export async function buildApp(given: Deps, options: BuildOptions = {}): Promise<App> {
  const modules = options.modules ?? MODULES;
  // The modules' to-do producers, carried by every request's context (context.ts) into its transactions.
  const deps: Deps = { ...given, todos: given.todos ?? todoRegistryOf(modules) };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // The client address is the TCP peer unless it is a named proxy: a forged X-Forwarded-For must not escape
    // the login rate limit or sign the audit log with another address.
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // State changes are JSON or multipart only: a cross-site form (text/plain, urlencoded) cannot forge them.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, securityHeaders(deps.secureCookie));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '基层 Jiceng API',
        version: '0.1.0',
        description: '社区党建工作平台接口。错误格式见 Error。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jiceng_session' },
          bearer: { type: 'http', scheme: 'bearer', description: '个人 API 令牌（jct_…）' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Registers the named schemas (Error) that every route's error answers refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  registerSameOriginCheck(app);
  // The auth module answers who a request's credentials belong to; the HTTP layer imports no module.
  registerAuthentication(app, deps, resolvePrincipal);
  // Routes take their services' context from the request (request.ctx); deps only where a route needs its
  // configuration (rate limits, the cookie, the upload folder, the database kind).
  for (const module of modules) module.registerRoutes(app, deps);
  // The findings table brought to today when the app starts and every few minutes after (todos/upkeep.ts).
  registerFindingsUpkeep(app, deps);
  // PGlite has no autovacuum: the queues every write appends to are vacuumed (db/housekeeping.ts).
  registerHousekeeping(app, deps);

  const serveWeb = options.serveWeb !== false && existsSync(WEB_DIST);
  if (serveWeb) await registerWebApp(app);
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Client-side routes of the single-page app.
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', '接口不存在', { reason: 'no_such_route' }));
  });
  return app;
}
