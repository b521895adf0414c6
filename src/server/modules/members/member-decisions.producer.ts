import { pendingDecisionFinding } from '../../../domain/membership/index.ts';
import type { TodoProducer } from '../../todos/index.ts';
import { selectPendingForApprovers } from './member-decision-todos.repo.ts';

/**
 * 决定待上级批准 / 超过3个月未批准 (docs/membership.md §12): a 支部大会 decision waiting for approval, in the 待办 of
 * the org that approves it — the level above the member's 党支部 — and every level above it; gone when the approval
 * is recorded or the decision withdrawn.
 */
export const memberDecisionsProducer: TodoProducer = {
  name: 'members.decisions',
  kinds: ['decision_awaiting_approval', 'decision_approval_overdue'],
  severities: ['warning', 'critical'],
  article: 'docs/membership.md §12',
  inputs: ['decisions', 'org'],
  // Days left and overdue change with the date alone.
  dated: true,
  async produce({ db }, { orgs, date }) {
    return (await selectPendingForApprovers(db, orgs)).map((d) => ({
      orgId: d.approverOrgId,
      finding: pendingDecisionFinding(d, date),
    }));
  },
};
