import type { Module } from '../module.ts';
import { registerDuesSummaryRoutes } from './dues-summary.routes.ts';

/** The dues-summary module's public file (党费收缴统计: the roll-up, the sheet, the publication): all others may use of it. */
export const duesSummaryModule: Module = {
  name: 'dues-summary',
  registerRoutes: (app) => registerDuesSummaryRoutes(app),
};

export { naiveDuesFigures } from './naive.service.ts';
/** The roll-up brought up to date before a read (the benchmark times it, and the naive way beside it). */
export { keepDuesRollupCurrent } from './rollup.service.ts';
