import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.ts';
import { type AnonCtx, actorCtx, anonCtx, type Ctx, readClock } from '../context.ts';
import type { Deps } from '../deps.ts';
import { unauthenticated } from '../errors.ts';

/** The contexts of one request, built once by the authentication hook. */
export type RequestContexts = { readonly anon: AnonCtx; readonly ctx: Ctx | null };

/**
 * `request.ctx` (the context with its actor; 401 when the request has none, as on a closed route) and
 * `request.anonCtx` (without an actor: public routes such as the login). Both come from one reading of the clock.
 */
export function decorateRequestContext(app: FastifyInstance): void {
  app.decorateRequest('contexts', null);
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest): Ctx {
      const ctx = this.contexts?.ctx;
      if (!ctx) throw unauthenticated();
      return ctx;
    },
  });
  app.decorateRequest('anonCtx', {
    getter(this: FastifyRequest): AnonCtx {
      if (!this.contexts) throw new Error('request context read outside /api/ (no authentication hook ran)');
      return this.contexts.anon;
    },
  });
}

/** Where the request comes from, for the audit log (the user agent cut to what the column keeps). */
function callerOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 500) ?? null };
}

/** Reads the clock for the request, and lets `resolve` find the principal at that moment. */
export async function buildRequestContexts(
  deps: Deps,
  request: FastifyRequest,
  resolve: (anon: AnonCtx) => Promise<Principal | null>,
): Promise<RequestContexts> {
  const moment = readClock(deps.clock);
  const caller = callerOf(request);
  const principal = await resolve(anonCtx(deps, moment, caller));
  const anon = anonCtx(deps, moment, caller, principal);
  return { anon, ctx: principal ? actorCtx(anon, principal) : null };
}
