import type { MemberDetail } from '../../../contracts/members.ts';
import { isOnRoster, type MemberStatus } from '../../../domain/membership/index.ts';
import type { FieldDenial } from '../../../domain/people/index.ts';
import { type Acting, canAt, type Loaded, loadForChange } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError, type ErrorReason } from '../../errors.ts';
import { findMemberInScope, type MemberRecord } from './members.repo.ts';

/**
 * Who may do what with members (src/domain/access): `member.read` and `member.manage` for the org_admin and the
 * secretary in their subtree, `member.reveal` for the org_admin only. The three administrators hold none of them
 * (三员分立: they run the platform, not party data). A role without the permission answers 403; a member outside
 * the scope answers 404 (the access kernel, src/server/access). What the actor may do with one member, for the
 * buttons of the detail page:
 */
export function memberCan(
  ctx: Acting,
  m: { orgPath: string; status: MemberStatus; hasIdNumber: boolean; pendingTransfer: boolean },
): MemberDetail['can'] {
  const manage = canAt(ctx, 'member.manage', m.orgPath);
  const onRoster = isOnRoster(m.status);
  return {
    edit: manage,
    reveal: m.hasIdNumber && canAt(ctx, 'member.reveal', m.orgPath),
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
export function fieldError(prefix: readonly string[], refused: FieldDenial<ErrorReason>): AppError {
  const { denial } = refused;
  return new AppError('invalid_input', denial.message, {
    reason: denial.reason,
    ...(denial.article ? { article: denial.article } : {}),
    issues: [{ path: [...prefix, refused.field], message: denial.message, reason: denial.reason }],
  });
}

/**
 * The member a change is about, locked, at the version the actor read: 404 outside the scope of `member.manage`,
 * 403 without the permission there, 409 when the version moved (loadForChange). Every change to one member starts
 * here: edits, status changes, decisions, group moves.
 */
export function loadMemberForChange(tx: Ctx, id: number, version: number): Promise<Loaded<MemberRecord>> {
  return loadForChange(tx, {
    permission: 'member.manage',
    load: (scope) => findMemberInScope(tx.db, scope, id, true),
    at: (m) => m.orgPath,
    what: '党员',
    version,
  });
}
