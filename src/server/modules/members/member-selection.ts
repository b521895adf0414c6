import type { z } from 'zod';
import { MEMBER_SELECTION_MAX, type MemberSelection } from '../../../contracts/member-batch.ts';
import type { Ctx } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { AppError, type ErrorReason, notFound } from '../../errors.ts';
import { filterCondition } from './member-search.repo.ts';
import { idsInScope, type SelectedMember, selectMembers } from './member-selection.repo.ts';
import { rosterFilter } from './members-list.service.ts';

export type { SelectedMember };
export type Selection = z.output<typeof MemberSelection>;

const tooMany = (n: number) =>
  new AppError(
    'rule_violation',
    `当前筛选条件下的党员超过${MEMBER_SELECTION_MAX}名，请缩小筛选范围后分批办理`,
    { reason: 'selection_too_large', limit: MEMBER_SELECTION_MAX, matched: n },
  );

/**
 * The one resolution of a batch's selection (批量操作), in the scope of the permission the batch needs, at the
 * time of the act (call it in the batch's transaction): the members ticked, every one of them in the scope (any
 * other: 404 for the whole batch, as if it did not exist), or the members the roster's filter matches there now
 * (more than MEMBER_SELECTION_MAX: 422 `selection_too_large`). In the roster's order: by org, then name.
 */
export async function resolveSelection(
  ctx: Ctx,
  scope: Scope,
  selection: Selection,
): Promise<SelectedMember[]> {
  if ('memberIds' in selection) {
    const ids = [...new Set(selection.memberIds)];
    const rows = await selectMembers(ctx.db, idsInScope(scope, ids), ids.length);
    if (rows.length !== ids.length) throw notFound('党员');
    return rows;
  }
  const search = {
    ...(await rosterFilter(ctx, scope, selection.filter)),
    sort: 'name' as const,
    limit: 0,
    offset: 0,
  };
  const rows = await selectMembers(ctx.db, filterCondition(search), MEMBER_SELECTION_MAX + 1);
  if (rows.length > MEMBER_SELECTION_MAX) throw tooMany(rows.length);
  return rows;
}

/** One member a batch cannot be done for, with the rule's reason and message. */
export type BatchRefusal = {
  readonly memberId: number;
  readonly name: string;
  readonly reason: ErrorReason;
  readonly message: string;
};

const SHOWN_IN_MESSAGE = 10;

/**
 * A batch is all or nothing: when any selected member cannot be done, nothing is written and the answer (422
 * `batch_refused`) names every such member and why (`details.members`), the first ten in the message.
 */
export function batchRefused(act: string, refusals: readonly BatchRefusal[]): AppError {
  const shown = refusals
    .slice(0, SHOWN_IN_MESSAGE)
    .map((r) => `${r.name}（${r.message}）`)
    .join('；');
  const more = refusals.length > SHOWN_IN_MESSAGE ? `等${refusals.length}名` : '';
  return new AppError(
    'rule_violation',
    `以下${refusals.length}名党员不能${act}，整批未办理：${shown}${more}`,
    { reason: 'batch_refused', members: refusals },
  );
}
