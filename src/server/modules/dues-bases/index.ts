import type { Module } from '../module.ts';
import { registerDuesBaseRoutes } from './dues-bases.routes.ts';

/**
 * The dues-bases module's public file (党费计算基数, docs/dues.md §2, §11): the branch's sheet of bases, a member's
 * history, the Excel template, import and export, and the dues rules' versions (GET /api/dues/rules).
 */
export const duesBasesModule: Module = {
  name: 'dues-bases',
  registerRoutes: (app, deps) => registerDuesBaseRoutes(app, deps),
};

/** The rules in force on a month's first day (stored versions, else the national default; docs/dues.md §7). */
export { rulesForMonth } from './dues-bases.service.ts';
