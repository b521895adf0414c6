import type { Module } from '../module.ts';
import { termFindingsProducer } from './findings.producer.ts';
import { registerOrgRoutes } from './orgs.routes.ts';

/** The orgs module's public file: all that the kernel and other modules may use of it. */
export const orgsModule: Module = {
  name: 'orgs',
  registerRoutes: (app) => registerOrgRoutes(app),
  todoProducers: [termFindingsProducer],
};

/** The orgs at the roots of a scope with their counts, for the 工作台 (the workbench module). */
export { scopeRootSummaries } from './orgs.service.ts';
