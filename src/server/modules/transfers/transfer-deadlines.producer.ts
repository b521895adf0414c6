import { transferDeadlineFindings } from '../../../domain/membership/index.ts';
import type { TodoProducer } from '../../todos/index.ts';
import { selectPendingTransfers } from './transfer-deadlines.repo.ts';

/**
 * 组织关系待接收 and 介绍信已过有效期 (docs/membership.md §11): to-dos of the receiving org, which must receive or
 * return the member; gone when it does, or when the sender cancels.
 */
export const transferDeadlinesProducer: TodoProducer = {
  name: 'transfers.pending',
  kinds: ['transfer_awaiting', 'transfer_overdue'],
  severities: ['warning', 'critical'],
  article: 'docs/membership.md §11',
  // A member's new name reaches the receiving org's to-do through `transfers` (migration 0020).
  inputs: ['transfers', 'org'],
  // The days left on the letter change with the date alone.
  dated: true,
  async produce({ db }, { orgs, date }) {
    return (await selectPendingTransfers(db, orgs)).flatMap((t) =>
      transferDeadlineFindings(t, date).map((finding) => ({ orgId: t.toOrgId, finding })),
    );
  },
};
