import type { Module } from '../module.ts';
import { registerStatsRoutes } from './stats.routes.ts';

/** The stats module's public file: all that the kernel and other modules may use of it. */
export const statsModule: Module = {
  name: 'stats',
  registerRoutes: (app) => registerStatsRoutes(app),
};
