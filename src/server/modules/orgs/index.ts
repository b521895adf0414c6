import type { Module } from '../module.ts';
import { registerOrgRoutes } from './orgs.routes.ts';

/** The orgs module's public file: all that the kernel and other modules may use of it. */
export const orgsModule: Module = {
  name: 'orgs',
  registerRoutes: (app) => registerOrgRoutes(app),
};
