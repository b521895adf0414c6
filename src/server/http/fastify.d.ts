import 'fastify';
import type { Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null on public routes and for anonymous callers. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, health, API docs). */
    public?: boolean;
    /** Reachable while a generated or reset password still has to be changed. */
    allowPendingPasswordChange?: boolean;
  }
}
