import type { MemberDetail } from '../../../contracts/members.ts';
import { type Actor, can } from '../../../domain/access/index.ts';
import { isOnRoster, type MemberStatus } from '../../../domain/membership/index.ts';
import type { FieldDenial } from '../../../domain/people/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Scope } from '../../db/scope.ts';
import { requirePermission, scopeOf } from '../../http/access.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may do what with members (src/domain/roles.ts): `member.read` and `member.manage` for the org_admin and
 * the secretary in their subtree, `member.reveal` for the org_admin only. The three administrators hold none
 * of them (三员分立: they run the platform, not party data). A role without the permission answers 403; a
 * member outside the scope answers 404 (DESIGN.md §5).
 */
export function memberReadScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'member.read', today);
  return scopeOf(actor, 'member.read', today);
}

export function memberManageScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'member.manage', today);
  return scopeOf(actor, 'member.manage', today);
}

/** What the actor may do with this member, for the buttons of the detail page. */
export function memberCan(
  actor: Actor,
  m: { orgPath: string; status: MemberStatus; hasIdNumber: boolean; pendingTransfer: boolean },
  today: IsoDate,
): MemberDetail['can'] {
  const manage = can(actor, 'member.manage', m.orgPath, today);
  const onRoster = isOnRoster(m.status);
  return {
    edit: manage,
    reveal: m.hasIdNumber && can(actor, 'member.reveal', m.orgPath, today),
    changeStatus: manage && onRoster,
    transfer: manage && onRoster && !m.pendingTransfer,
  };
}

export const NOTHING: MemberDetail['can'] = {
  edit: false,
  reveal: false,
  changeStatus: false,
  transfer: false,
};

/** A refused field of a form, answered as 400 with its path (`body.person.idNumber`) and the rule's reason. */
export function fieldError(prefix: readonly string[], refused: FieldDenial): AppError {
  const { denial } = refused;
  return new AppError('invalid_input', denial.message, {
    reason: denial.reason,
    ...(denial.article ? { article: denial.article } : {}),
    issues: [{ path: [...prefix, refused.field], message: denial.message, reason: denial.reason }],
  });
}
