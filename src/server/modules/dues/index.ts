import type { Module } from '../module.ts';
import { registerDuesChargesUpkeep } from './charges.upkeep.ts';
import { registerDuesRoutes } from './dues.routes.ts';
import { registerDuesRuleRoutes } from './rules.routes.ts';

/**
 * The dues module's public file (应缴: the monthly charges, 减免, the monthly pass; 党费收缴标准: the versions of the
 * rules): all others may use of it.
 */
export const duesModule: Module = {
  name: 'dues',
  registerRoutes: (app, deps) => {
    registerDuesRoutes(app);
    registerDuesRuleRoutes(app);
    registerDuesChargesUpkeep(app, deps);
  },
};

export type { ChargeRow } from './charges.repo.ts';
/**
 * The charges (docs/dues.md §8) for the ledger, the summary and the benchmark: `refreshCharges` before a read (in a
 * transaction of its own), `chargesOf` the rows of some members, `missingChargesOf` the months owed without a base
 * (未核定基数, no row), `generateMonth` one month for every member.
 */
export {
  chargesOf,
  type GenerateOutcome,
  generateMonth,
  missingChargesOf,
  refreshCharges,
} from './charges.service.ts';
