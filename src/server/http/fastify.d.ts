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
    /** Reachable while the login's second-factor code is still to be given (second-factor.ts). */
    allowPendingSecondFactor?: boolean;
    /** Reachable while an account that must have a second factor has not enrolled one yet. */
    allowPendingEnrolment?: boolean;
  }
}
