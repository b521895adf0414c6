import type { Module } from '../module.ts';
import { registerTalkRoutes } from './talks.routes.ts';

/** The talks module's public file (谈心谈话): all that the kernel and other modules may use of it. */
export const talksModule: Module = {
  name: 'talks',
  registerRoutes: (app) => registerTalkRoutes(app),
};

/** For compliance (谈心谈话 yearly per pair, 第十九条): a branch's coverage of a year (required, covered, missing). */
export { talkPairsCovered } from './talk-pairs-covered.ts';
