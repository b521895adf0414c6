import type { Module } from '../module.ts';
import { registerLapseCaseRoutes } from './lapse-cases.routes.ts';

/** The 党章第九条 cases module's public file (自行脱党情形, docs/membership.md §6): all that others may use of it. */
export const lapseCasesModule: Module = {
  name: 'lapse-cases',
  registerRoutes: (app) => registerLapseCaseRoutes(app),
};

/**
 * For the to-do producers of the 6-month situations (compliance: organizational life; dues: arrears): per member,
 * whether a case of the cause is open and the last month closed cases excuse.
 */
export { type LapseCaseState, lapseCaseState } from './lapse-cases.service.ts';
