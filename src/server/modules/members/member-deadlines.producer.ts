import { memberDeadlineFindings } from '../../../domain/membership/index.ts';
import type { TodoProducer } from '../../todos/index.ts';
import { selectDeadlineCandidates } from './member-deadlines.repo.ts';

/**
 * 预备期即将届满 / 已满未转正, 失联满6个月, 停止党籍满2年, 党员未编入党支部 (docs/membership.md §11): to-dos of the org the
 * member is placed in, so that its secretary and every level above see them; gone when the branch acts (转正,
 * 停止党籍, 恢复 or 出党, placement).
 */
export const memberDeadlinesProducer: TodoProducer = {
  name: 'members.deadlines',
  // Named one by one: the other kinds about a member are other producers' (transfers, accounts, decisions).
  kinds: ['probation_ending', 'probation_overdue', 'unreachable_long', 'suspended_long', 'member_unplaced'],
  severities: ['warning', 'critical'],
  article: 'docs/membership.md §11',
  inputs: ['members', 'org'],
  // Days left and overdue change with the date alone.
  dated: true,
  async produce({ db }, { orgs, date }) {
    return (await selectDeadlineCandidates(db, { orgs, today: date })).flatMap((m) =>
      memberDeadlineFindings(m, date).map((finding) => ({ orgId: m.orgId, finding })),
    );
  },
};
