import type { Module } from '../module.ts';
import { registerAuthRoutes } from './auth.routes.ts';

/** The auth module's public file: all that the kernel and other modules may use of it. */
export const authModule: Module = {
  name: 'auth',
  registerRoutes: registerAuthRoutes,
};

/**
 * Who a request's credentials belong to (`resolvePrincipal`, injected into the HTTP layer by app.ts), and the
 * principal of an account as a request would see it (`principalOf`, for the test helpers' contexts).
 */
export { principalOf, resolvePrincipal } from './auth.service.ts';
/** An account's stored TOTP secret, for the test helpers that play the authenticator app (with totpCode). */
export { totpSecretOf } from './second-factor-codes.ts';
/** Ending an account's access, for the users module (deactivation, password and second-factor resets). */
export { endSessionsOfUser, removeSecondFactorOfUser, revokeApiTokensOfUser } from './sessions.service.ts';
/** The code of an instant, as an authenticator app computes it (the test helpers). */
export { totpCode } from './totp.ts';
