import type { Module } from '../module.ts';
import { registerAuthRoutes } from './auth.routes.ts';

/** The auth module's public file: all that the kernel and other modules may use of it. */
export const authModule: Module = {
  name: 'auth',
  registerRoutes: registerAuthRoutes,
};

/** Who a request's credentials belong to; injected into the HTTP layer by app.ts. */
export { resolvePrincipal } from './auth.service.ts';
