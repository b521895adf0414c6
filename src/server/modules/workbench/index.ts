import type { Module } from '../module.ts';
import { registerWorkbenchRoutes } from './workbench.routes.ts';

/** The workbench module's public file: all that the kernel and other modules may use of it. */
export const workbenchModule: Module = {
  name: 'workbench',
  registerRoutes: (app) => registerWorkbenchRoutes(app),
};
