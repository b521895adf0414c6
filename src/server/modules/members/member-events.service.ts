import type { z } from 'zod';
import type { MemberDetail, MemberEventBody } from '../../../contracts/members.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { checkMemberEvent, type MemberChanges } from '../../../domain/membership/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Deps } from '../../deps.ts';
import { requireAt } from '../../http/access.ts';
import { notFound, ruleViolation, staleVersion } from '../../http/errors.ts';
import { memberManageScope } from './member-access.ts';
import { saveMemberChange } from './member-changes.ts';
import { MASKED } from './member-views.ts';
import { findLastEventOn, findMemberInScope, type MemberRecord } from './members.repo.ts';
import { memberDetail } from './members.service.ts';

type EventInput = z.output<typeof MemberEventBody>;

function stateOf(m: MemberRecord, lastEventOn: string | null) {
  return {
    status: m.status,
    admittedOn: m.admittedOn,
    confirmedOn: m.confirmedOn,
    probationEndsOn: m.probationEndsOn,
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
  };
  return {
    action: 'member.status_change' as const,
    entityType: 'member',
    entityId: m.id,
    orgId: m.orgId,
    role,
    before,
    after: { ...changes },
    note,
  };
}

/**
 * A status change (转正, 延长预备期, 停止/恢复党籍, 失联, 出党), decided by the rules (DOMAIN.md §1.3, §2.4, §6):
 * the member's fields, a history row with from/to, the rollup and an audit row `member.status_change`, in
 * one transaction at the member's version.
 */
export async function recordMemberEvent(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: EventInput,
): Promise<MemberDetail> {
  const today = deps.clock.today();
  const scope = memberManageScope(actor, today);
  return deps.db.transaction(async (tx) => {
    const m = await findMemberInScope(tx, scope, id, true);
    if (!m) throw notFound('党员');
    const role = requireAt(actor, 'member.manage', m.orgPath, today);
    if (input.version !== m.version) throw staleVersion();
    const decision = checkMemberEvent(stateOf(m, await findLastEventOn(tx, m.id)), input, today);
    if (!decision.ok) throw ruleViolation(decision);
    const { changes, event } = decision;
    await saveMemberChange(tx, deps, ctx, m, changes, {
      ...event,
      effectiveOn: input.effectiveOn,
      reason: input.reason,
    });
    await recordAudit(tx, ctx, statusAudit(m, changes, input, role));
    return memberDetail(tx, deps, actor, (await findMemberInScope(tx, scope, id)) as MemberRecord, MASKED);
  });
}
