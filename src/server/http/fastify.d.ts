import 'fastify';
import type { AnonCtx, Ctx } from '../context.ts';
import type { RequestContexts } from './request-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on /api/ requests (request-context.ts); read through ctx and anonCtx. */
    contexts: RequestContexts | null;
    /** The request's context with its actor (context.ts): 401 when the request has no principal. */
    readonly ctx: Ctx;
    /** The request's context without an actor, for public routes (the login). */
    readonly anonCtx: AnonCtx;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, health, API docs). */
    public?: boolean;
    /** Reachable while a generated or reset password still has to be changed. */
    allowPendingPasswordChange?: boolean;
    /** Reachable while the login's second-factor code is still to be given (second-factor.ts). */
    allowPendingSecondFactor?: boolean;
    /** Reachable while an account that must have a second factor has not enrolled one yet. */
    allowPendingEnrolment?: boolean;
  }
}
