import { keepsAccount } from '../../../domain/access/index.ts';
import type { MemberEventKind } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { recordRosterChanges } from '../stats/index.ts';
import { closeMemberAccounts, moveMemberAccounts } from '../users/index.ts';
import { statsOf } from './member-views.ts';
import {
  findLastEventOn,
  findMemberInScope,
  insertMemberEvent,
  lockMemberById,
  type MemberPatch,
  type MemberRecord,
  updateMemberAtVersion,
} from './members.repo.ts';

/**
 * Changes to a member's standing or placement, as other modules make them (transfers): the member row at its
 * version, the history row and the rollup, in the caller's transaction. The caller decides (src/domain) and
 * writes the audit row.
 */
export type MemberEventWrite = {
  readonly kind: MemberEventKind;
  readonly effectiveOn: IsoDate;
  /**
   * The date the 增减台账 counts it on, when not `effectiveOn`: the approval of the level above for a decision
   * that needs one (docs/membership.md §12).
   */
  readonly countedOn?: IsoDate;
  /** The org joined, for an org change (the member's own org is recorded as the org left). */
  readonly toOrgId?: number | null;
  readonly fromValue?: string | null;
  readonly toValue?: string | null;
  readonly reason?: string | null;
  readonly details?: Record<string, unknown>;
};

export type { MemberRecord };

/**
 * Saves the patch (409 when the version moved), appends the event and moves the rollup's counts, in `tx.db`. A
 * member who leaves the deployment by it (出党, death, transferred out) has their account closed in the same
 * transaction (docs/security.md §2.1).
 */
export async function saveMemberChange(
  tx: WorkCtx,
  m: MemberRecord,
  patch: MemberPatch,
  event: MemberEventWrite,
): Promise<void> {
  await updateMemberAtVersion(tx.db, m.id, m.version, patch, tx.at);
  // The member as locked: their arrival bounds the ledger date (event-booking.ts), no need to read it again.
  await insertMemberEvent(tx, m, {
    kind: event.kind,
    orgId: m.orgId,
    toOrgId: event.toOrgId ?? null,
    fromValue: event.fromValue ?? null,
    toValue: event.toValue ?? null,
    effectiveOn: event.effectiveOn,
    ...(event.countedOn ? { countedOn: event.countedOn } : {}),
    reason: event.reason ?? null,
    details: event.details ?? {},
    actorId: tx.audit.actorId,
  });
  await recordRosterChanges(tx, [{ before: statsOf(m), after: statsOf({ ...m, ...patch }) }]);
  if (patch.status !== undefined && keepsAccount(m.status) && !keepsAccount(patch.status)) {
    await closeMemberAccounts(tx, { memberId: m.id, personId: m.personId, orgId: m.orgId, kind: event.kind });
  }
  // A move inside the deployment: the member's account (home org, `member` role) follows them (docs/security.md §2.1).
  if (patch.orgId !== undefined && patch.orgId !== m.orgId) {
    await moveMemberAccounts(tx, {
      memberId: m.id,
      personId: m.personId,
      fromOrgId: m.orgId,
      toOrgId: patch.orgId,
    });
  }
}

/**
 * The member of a transfer, locked, with the date of its latest event. Authorized by the transfer, not by a
 * scope: the receiving org acts on a member that is not yet in its subtree.
 */
export async function lockMemberOfTransfer(
  tx: Db,
  memberId: number,
): Promise<{ member: MemberRecord; lastEventOn: IsoDate | null } | undefined> {
  const member = await lockMemberById(tx, memberId);
  if (!member) return undefined;
  return { member, lastEventOn: await findLastEventOn(tx, memberId) };
}

/** The member if it lies in the scope (the sending side of a transfer), locked, with its latest event date. */
export async function lockMemberInScope(
  tx: Db,
  scope: Scope,
  memberId: number,
): Promise<{ member: MemberRecord; lastEventOn: IsoDate | null } | undefined> {
  const member = await findMemberInScope(tx, scope, memberId, true);
  if (!member) return undefined;
  return { member, lastEventOn: await findLastEventOn(tx, memberId) };
}
