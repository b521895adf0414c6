import type { z } from 'zod';
import type {
  ApproveDecisionBody,
  MemberDecisionView,
  PendingDecisionsQuery,
  RecordDecisionBody,
  WithdrawDecisionBody,
} from '../../../contracts/member-decisions.ts';
import type { MemberDetail } from '../../../contracts/members.ts';
import type { Role } from '../../../domain/access/index.ts';
import {
  type Approval,
  checkApproval,
  checkMemberEvent,
  type DecisionKind,
  decisionKindDenial,
  type MemberEventInput,
  type MemberWarning,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { found, loadForChange, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope } from '../../db/org-refs.ts';
import type { Scope } from '../../db/scope.ts';
import { conflict, ruleViolation } from '../../errors.ts';
import { loadMemberForChange } from './member-access.ts';
import { saveMemberChange } from './member-changes.ts';
import { approverRole, decisionView, type Payload } from './member-decision-views.ts';
import {
  findDecisionInScope,
  insertDecision,
  listPendingInScope,
  listPendingOfMember,
  updateDecisionAtVersion,
} from './member-decisions.repo.ts';
import { stateOf } from './member-events.service.ts';
import { MASKED } from './member-views.ts';
import { findLastEventOn, findMemberInScope, type MemberRecord } from './members.repo.ts';
import { memberDetail } from './members.service.ts';

/**
 * 支部大会 decisions and the approval of the level above (docs/membership.md §12). The branch (member.manage over the
 * member) records the meeting's decision; the level above the branch (member.manage over the 基层党委) records the
 * approval, which applies the change through the status rules: dated on the meeting, counted on the approval.
 */
type RecordInput = z.output<typeof RecordDecisionBody> & { id: number };
type ApproveInput = z.output<typeof ApproveDecisionBody> & { id: number };
type WithdrawInput = z.output<typeof WithdrawDecisionBody> & { id: number };

const PENDING_APPROVAL = '（待上级批准）';

/**
 * The status change a decision makes. A 出党's procedure is the approval itself; while pending, the rules are
 * asked with the meeting standing in for it, since the approval is what is awaited.
 */
function eventOf(kind: DecisionKind, meetingOn: IsoDate, p: Payload, approval: Approval | null) {
  const procedure =
    kind !== 'leave'
      ? {}
      : approval
        ? {
            approvalOrgName: approval.approvingOrgName,
            approvalDocumentNo: approval.documentNo,
            approvalOn: approval.approvedOn,
          }
        : { approvalOrgName: PENDING_APPROVAL, approvalDocumentNo: PENDING_APPROVAL, approvalOn: meetingOn };
  return {
    kind,
    effectiveOn: meetingOn,
    reason: p.reason ?? null,
    leftReason: p.leftReason,
    unreachable: p.unreachable,
    probationEndsOn: p.probationEndsOn,
    ...procedure,
  } satisfies MemberEventInput;
}

/** Decides the change with the rules and the approval's dates; throws the denial. */
async function decide(
  tx: Ctx,
  m: MemberRecord,
  kind: DecisionKind,
  meetingOn: IsoDate,
  p: Payload,
  approval: Approval | null,
) {
  const kindDenial = decisionKindDenial(kind, p.leftReason);
  if (kindDenial) throw ruleViolation(kindDenial);
  const warnings: MemberWarning[] = [];
  if (approval) {
    const checked = checkApproval(meetingOn, approval, tx.today);
    if (!checked.ok) throw ruleViolation(checked);
    warnings.push(...checked.warnings);
  }
  const decision = checkMemberEvent(
    stateOf(m, await findLastEventOn(tx.db, m.id)),
    eventOf(kind, meetingOn, p, approval),
    tx.today,
  );
  if (!decision.ok) throw ruleViolation(decision);
  return { ...decision, warnings: [...(decision.warnings ?? []), ...warnings] };
}

/** Applies an approved decision to the member: the history row dated on the meeting, counted on the approval. */
async function apply(
  tx: Ctx,
  m: MemberRecord,
  d: { id: number; kind: DecisionKind; meetingOn: IsoDate; payload: Payload },
  approval: Approval,
  decided: Awaited<ReturnType<typeof decide>>,
  role: Role,
) {
  const { changes, event, warnings } = decided;
  const flagged = warnings.length > 0 ? { warnings: warnings.map((w) => w.reason) } : {};
  await saveMemberChange(tx, m, changes, {
    ...event,
    details: { ...event.details, approval, decisionId: d.id, ...flagged },
    effectiveOn: d.meetingOn,
    countedOn: approval.approvedOn,
    reason: d.payload.reason ?? null,
  });
  const before = Object.fromEntries(
    Object.keys(changes).map((k) => [k, m[k as keyof typeof changes] ?? null]),
  );
  await recordAudit(tx, {
    action: 'member.decision_approve',
    entityType: 'member',
    entityId: m.id,
    orgId: m.orgId,
    role,
    before,
    after: { ...changes },
    note: { decisionId: d.id, kind: d.kind, meetingOn: d.meetingOn, ...d.payload, ...approval, ...flagged },
  });
}

async function answer(tx: Ctx, scope: Scope, memberId: number, warnings: readonly MemberWarning[]) {
  const detail = await memberDetail(
    tx,
    found(await findMemberInScope(tx.db, scope, memberId), '党员'),
    MASKED,
  );
  return { ...detail, warnings: [...detail.warnings, ...warnings] };
}

/**
 * Records a 支部大会 decision on a member: pending (nothing changes on the member nor in any count) or, with the
 * approval already given, applied at once. One pending decision per member.
 */
export async function recordDecision(ctx: Ctx, input: RecordInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row: m, role, scope } = await loadMemberForChange(tx, input.id, input.version);
    const org = found(await findOrgRefInScope(tx.db, { roots: [m.orgPath] }, m.orgId));
    const approval = input.approval ?? null;
    const approving = approval ? approverRole(tx, m.orgPath, org.kind === 'group') : null;
    const payload: Payload = {
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.leftReason ? { leftReason: input.leftReason } : {}),
      ...(input.unreachable !== undefined ? { unreachable: input.unreachable } : {}),
      ...(input.probationEndsOn ? { probationEndsOn: input.probationEndsOn } : {}),
    };
    const decided = await decide(tx, m, input.kind, input.meetingOn, payload, approval);
    if (await hasPending(tx, m.id)) {
      throw conflict('decision_already_pending', '该党员已有待上级批准的决定，请先录入批准或撤回');
    }
    const id = await insertDecision(tx.db, {
      memberId: m.id,
      orgId: m.orgId,
      kind: input.kind,
      meetingOn: input.meetingOn,
      payload,
      status: approval ? 'approved' : 'pending',
      approvingOrgName: approval?.approvingOrgName ?? null,
      approvedOn: approval?.approvedOn ?? null,
      documentNo: approval?.documentNo ?? null,
      createdBy: tx.audit.actorId,
      at: tx.at,
    });
    const d = { id, kind: input.kind, meetingOn: input.meetingOn, payload };
    if (approval && approving) {
      await apply(tx, m, d, approval, decided, approving);
    } else {
      await recordAudit(tx, {
        action: 'member.decision_record',
        entityType: 'member',
        entityId: m.id,
        orgId: m.orgId,
        role,
        note: { decisionId: id, kind: input.kind, meetingOn: input.meetingOn, ...payload },
      });
    }
    return answer(tx, scope, m.id, decided.warnings);
  });
}

async function hasPending(tx: Ctx, memberId: number): Promise<boolean> {
  return (await listPendingOfMember(tx.db, memberId)).length > 0;
}

async function loadPending(tx: Ctx, id: number, version: number) {
  const loaded = await loadForChange(tx, {
    permission: 'member.manage',
    load: (scope) => findDecisionInScope(tx.db, scope, id, true),
    at: (d) => d.orgPath,
    what: '决定',
    version,
  });
  if (loaded.row.status !== 'pending') throw conflict('decision_not_pending', '该决定已批准或已撤回');
  return loaded;
}

/** Records the approval of a pending decision (the level above the branch only) and applies it. */
export async function approveDecision(ctx: Ctx, input: ApproveInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row: d, scope } = await loadPending(tx, input.id, input.version);
    const role = approverRole(tx, d.orgPath, d.inGroup);
    const m = found(await findMemberInScope(tx.db, scope, d.memberId, true), '党员');
    const approval = {
      approvingOrgName: input.approvingOrgName,
      approvedOn: input.approvedOn,
      documentNo: input.documentNo,
    };
    const payload = d.payload as Payload;
    const decided = await decide(tx, m, d.kind, d.meetingOn, payload, approval);
    await updateDecisionAtVersion(tx.db, d.id, d.version, {
      status: 'approved',
      ...approval,
      decidedBy: tx.audit.actorId,
      decidedAt: tx.at,
    });
    await apply(tx, m, { id: d.id, kind: d.kind, meetingOn: d.meetingOn, payload }, approval, decided, role);
    return answer(tx, scope, m.id, decided.warnings);
  });
}

/** Withdraws a pending decision (the branch that recorded it, or a level above), audited. */
export async function withdrawDecision(ctx: Ctx, input: WithdrawInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row: d, role, scope } = await loadPending(tx, input.id, input.version);
    await updateDecisionAtVersion(tx.db, d.id, d.version, {
      status: 'withdrawn',
      decidedBy: tx.audit.actorId,
      decidedAt: tx.at,
    });
    await recordAudit(tx, {
      action: 'member.decision_withdraw',
      entityType: 'member',
      entityId: d.memberId,
      orgId: d.orgId,
      role,
      note: {
        decisionId: d.id,
        kind: d.kind,
        meetingOn: d.meetingOn,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return answer(tx, scope, d.memberId, []);
  });
}

/** The pending decisions of the members in the actor's read scope (or an org's subtree in it), oldest first. */
export async function listPendingDecisions(
  ctx: Ctx,
  input: z.output<typeof PendingDecisionsQuery>,
): Promise<{ items: MemberDecisionView[] }> {
  const scope = scopeFor(ctx, 'member.read');
  const subtree = await subtreeIn(ctx, scope, input.orgId, '党组织');
  const rows = await listPendingInScope(ctx.db, scope, subtree);
  return { items: rows.map((d) => decisionView(ctx, d)) };
}
