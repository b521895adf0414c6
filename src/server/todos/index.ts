/**
 * The to-do registry (待办): modules declare finding producers (producer.ts) in their `Module.todoProducers`; the
 * findings table keeps their findings (keep.ts); /api/findings and the 工作台 read it (read.ts). The only way in.
 */
export type { TodoInput } from './inputs.ts';
export { TODO_INPUTS } from './inputs.ts';
export { keepFindingsCurrent, recomputeFindings, settleFindings } from './keep.ts';
export type { LocatedFinding, OrgSelection, TodoProducer } from './producer.ts';
export {
  type FindingCounts,
  type FindingFilter,
  type FindingItem,
  readFindingCounts,
  readFindingItems,
  readFindingPage,
  type TodoReadCtx,
} from './read.ts';
export { producersOf, type TodoRegistry, todoRegistry } from './registry.ts';
export { registerFindingsUpkeep } from './upkeep.ts';
