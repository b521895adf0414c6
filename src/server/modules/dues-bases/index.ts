import type { Module } from '../module.ts';
import { baseMissingTodosProducer } from './bases-missing.producer.ts';
import { registerDuesBaseRoutes } from './dues-bases.routes.ts';

/**
 * The dues-bases module's public file (党费计算基数, docs/dues.md §2, §11): the branch's sheet of bases, a member's
 * history, the Excel template, import and export (the dues rules' versions are the dues module's), and the to-do
 * of members owing without a base (未核定基数).
 */
export const duesBasesModule: Module = {
  name: 'dues-bases',
  registerRoutes: (app, deps) => registerDuesBaseRoutes(app, deps),
  todoProducers: [baseMissingTodosProducer],
};

/** The rules in force on a month's first day (stored versions, else the national default; docs/dues.md §7). */
export { rulesForMonth } from './dues-bases.service.ts';
