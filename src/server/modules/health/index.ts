import type { Module } from '../module.ts';
import { registerHealthRoutes } from './health.routes.ts';

/** The health module's public file: all that the kernel and other modules may use of it. */
export const healthModule: Module = {
  name: 'health',
  registerRoutes: registerHealthRoutes,
};
