import type { Module } from '../module.ts';
import { registerComplianceRoutes } from './compliance.routes.ts';
import { absenceTodosProducer, complianceTodosProducer } from './org-life.producer.ts';

/** The compliance module's public file (组织生活达标: the roll-up, the heat map, exemptions): all others may use of it. */
export const complianceModule: Module = {
  name: 'compliance',
  registerRoutes: (app) => registerComplianceRoutes(app),
  todoProducers: [complianceTodosProducer, absenceTodosProducer],
};

/** The naive way, every org evaluated on request (the benchmark's comparison). */
export { naiveSubtreeFigures } from './naive.service.ts';
/** The requirements' to-dos judged from the meetings (the benchmark's comparison with the daily pass). */
export { judgedComplianceTodos } from './org-life.producer.ts';
/** The roll-up brought up to date before a read (the benchmark times it, and the naive way beside it). */
export { keepRollupCurrent } from './rollup.service.ts';
