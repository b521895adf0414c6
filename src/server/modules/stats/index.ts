import type { Module } from '../module.ts';
import { rosterFindingsProducer } from './branch-rosters.producer.ts';
import { registerStatsRoutes } from './stats.routes.ts';

/** The stats module's public file: all that the kernel and other modules may use of it. */
export const statsModule: Module = {
  name: 'stats',
  registerRoutes: (app) => registerStatsRoutes(app),
  todoProducers: [rosterFindingsProducer],
};

/** A branch's roster as the org findings read it. */
export { branchRoster } from './branch-rosters.service.ts';
/** The statistics rollup follows every roster change in the writer's transaction (members, the import's undo). */
export { bringAgesToToday, rebuildRollup, recordRosterChanges } from './rollup.service.ts';
/** The counting SQL, for the benchmark that counts without the rollup (bench/naive-stats.ts). */
export { countEveryKey, ON_ROSTER } from './stat-sql.ts';
/** The subtree totals, refreshed from the change log (the server's job; the benchmarks call it directly). */
export { refreshSubtrees } from './subtree.service.ts';
