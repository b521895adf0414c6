import type { Module } from '../module.ts';
import { registerAppraisalRoutes } from './appraisals.routes.ts';

/** The appraisals module's public file (民主评议党员): all that the kernel and other modules may use of it. */
export const appraisalsModule: Module = {
  name: 'appraisals',
  registerRoutes: (app) => registerAppraisalRoutes(app),
};

/** For compliance (民主评议 yearly, 第十八条): of these orgs, those whose round of the year is closed. */
export { appraisalHeld } from './appraisal-held.ts';
/** The branch's members and committee posts, as the talks module reads them too. */
export { type BranchMember, committeeHoldersOn, listBranchMembers } from './branch-roster.repo.ts';
