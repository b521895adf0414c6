import type { z } from 'zod';
import type { MemberDetail, MemberEventBody } from '../../../contracts/members.ts';
import { checkMemberEvent, type MemberChanges } from '../../../domain/membership/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { ruleViolation } from '../../errors.ts';
import { loadMemberForChange } from './member-access.ts';
import { saveMemberChange } from './member-changes.ts';
import { MASKED } from './member-views.ts';
import { findLastEventOn, findMemberInScope, type MemberRecord } from './members.repo.ts';
import { memberDetail } from './members.service.ts';

type EventInput = z.output<typeof MemberEventBody>;

/** What the status rules know of a member (also for a 支部大会 decision, member-decisions.service.ts). */
export function stateOf(m: MemberRecord, lastEventOn: string | null) {
  return {
    status: m.status,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    probationEndsOn: m.probationEndsOn,
    lostContactOn: m.lostContactOn,
    lastEventOn,
  };
}

/** The audit row of a status change: the fields before and after, the kind, date and reason. */
function statusAudit(m: MemberRecord, changes: MemberChanges, input: EventInput, role: string) {
  const before = Object.fromEntries(
    Object.keys(changes).map((k) => [k, m[k as keyof MemberChanges] ?? null]),
  );
  const note = {
    kind: input.kind,
    effectiveOn: input.effectiveOn,
    ...(input.reason ? { reason: input.reason } : {}),
    // 出党: the T10 category and the procedure of the level above (docs/membership.md §5).
    ...(input.kind === 'leave'
      ? {
          leftReason: input.leftReason,
          approvalOrgName: input.approvalOrgName,
          approvalDocumentNo: input.approvalDocumentNo ?? null,
          approvalOn: input.approvalOn,
          ...(input.unreachable !== undefined ? { unreachable: input.unreachable } : {}),
        }
      : {}),
  };
  return {
    action: 'member.status_change' as const,
    entityType: 'member' as const,
    entityId: m.id,
    orgId: m.orgId,
    role,
    before,
    after: { ...changes },
    note,
  };
}

/**
 * A status change (转正, 延长预备期, 停止/恢复党籍, 失联, 出党 with its procedure, 去世), decided by the rules (docs/membership.md §4):
 * the member's fields, a history row with from/to, the rollup and an audit row `member.status_change`, in
 * one transaction at the member's version.
 */
export async function recordMemberEvent(ctx: Ctx, input: EventInput & { id: number }): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row: m, role, scope } = await loadMemberForChange(tx, input.id, input.version);
    const decision = checkMemberEvent(stateOf(m, await findLastEventOn(tx.db, m.id)), input, tx.today);
    if (!decision.ok) throw ruleViolation(decision);
    const { changes, event } = decision;
    // Accepted but flagged (docs/membership.md §3.4, §6): kept on the history row and the audit row, and answered.
    const warnings = decision.warnings ?? [];
    const flagged = warnings.length > 0 ? { warnings: warnings.map((w) => w.reason) } : {};
    await saveMemberChange(tx, m, changes, {
      ...event,
      details: { ...event.details, ...flagged },
      effectiveOn: input.effectiveOn,
      // 出党 is counted on the day the level above filed, approved or decided it (docs/membership.md §12).
      ...(input.kind === 'leave' && input.approvalOn ? { countedOn: input.approvalOn } : {}),
      reason: input.reason,
    });
    const audit = statusAudit(m, changes, input, role);
    await recordAudit(tx, { ...audit, note: { ...audit.note, ...flagged } });
    const detail = await memberDetail(
      tx,
      (await findMemberInScope(tx.db, scope, input.id)) as MemberRecord,
      MASKED,
    );
    return { ...detail, warnings: [...detail.warnings, ...warnings] };
  });
}
