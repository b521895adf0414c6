import type { z } from 'zod';
import type { CreateMemberBody, MemberDetail, MemberDetailQuery } from '../../../contracts/members.ts';
import { checkApproval, checkEntry, checkNewMember } from '../../../domain/membership/index.ts';
import { checkPersonFields } from '../../../domain/people/index.ts';
import { canAt, found, orgIn, requireAt, requirePermission, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AuditedRefusal } from '../../audit/audited-refusal.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { hasPendingTransfer } from '../../db/transfer-refs.ts';
import { conflict, forbidden, ruleViolation } from '../../errors.ts';
import { fieldError, memberCan } from './member-access.ts';
import { approverRole, decisionView } from './member-decision-views.ts';
import { listPendingOfMember } from './member-decisions.repo.ts';
import { auditedMember, detailView, MASKED, type Unmask } from './member-views.ts';
import { insertMemberRows } from './member-writes.ts';
import {
  findMemberInScope,
  findPersonByIdHash,
  listMemberEvents,
  type MemberRecord,
} from './members.repo.ts';

type CreateInput = z.output<typeof CreateMemberBody>;

/** The detail page of a member: history, and what the actor may do (`can`); read in `ctx.db`. */
export async function memberDetail(ctx: Ctx, m: MemberRecord, unmask: Unmask): Promise<MemberDetail> {
  const events = await listMemberEvents(ctx.db, m.id);
  const flags = memberCan(ctx, {
    orgPath: m.orgPath,
    status: m.status,
    hasIdNumber: m.person.idNumberEnc !== null,
    pendingTransfer: await hasPendingTransfer(ctx.db, m.id),
  });
  const decisions = (await listPendingOfMember(ctx.db, m.id)).map((d) => decisionView(ctx, d));
  return detailView(ctx.idCipher, m, events, unmask, flags, decisions);
}

/**
 * One member, masked; `reveal=idNumber` shows the ID number whole to an org_admin (member.reveal) and writes
 * an audit row naming the field, never the value. Anyone else who may read the member gets 403.
 */
export async function getMember(
  ctx: Ctx,
  input: z.output<typeof MemberDetailQuery> & { id: number },
): Promise<MemberDetail> {
  const m = found(await findMemberInScope(ctx.db, scopeFor(ctx, 'member.read'), input.id), '党员');
  if (input.reveal !== 'idNumber') return memberDetail(ctx, m, MASKED);
  if (!canAt(ctx, 'member.reveal', m.orgPath)) {
    throw forbidden('reveal_not_permitted', '只有组织管理员可以查看完整的公民身份号码');
  }
  const role = requireAt(ctx, 'member.reveal', m.orgPath, '党员');
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: 'member.reveal',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role,
      note: { field: 'idNumber' },
    });
    return memberDetail(tx, m, { idNumber: true, phones: false });
  });
}

/** What the actor is told when the number belongs to someone they may not see: the same whoever it is. */
const HELD_ELSEWHERE = '该公民身份号码已登记，请联系上级组织部门';

/**
 * One person per ID number (the keyed hash is unique): 409 `id_number_taken`. The answer points to the member
 * only when that member lies in the actor's own read scope (a duplicate the actor can resolve). Otherwise it is
 * the same neutral answer whoever holds the number, without saying where, and the hit is audited: uniqueness
 * cannot be kept without saying "taken", but a run of such answers is a probe the audit administrator must see.
 */
export async function ensureIdNumberFree(ctx: Ctx, idNumber: string, exceptPersonId?: number): Promise<void> {
  const taken = await findPersonByIdHash(ctx.db, ctx.idCipher.hash(idNumber), exceptPersonId);
  if (!taken) return;
  const visible =
    taken.memberId !== null && taken.orgPath !== null && canAt(ctx, 'member.read', taken.orgPath);
  if (visible) {
    throw conflict('id_number_taken', '该公民身份号码已登记为党员，请勿重复录入', {
      field: 'person.idNumber',
      memberId: taken.memberId,
    });
  }
  throw new AuditedRefusal(idNumberHeldElsewhere(), {
    action: 'member.id_conflict',
    entityType: 'person',
    entityId: taken.personId,
    role: requirePermission(ctx, 'member.manage'),
    note: { reason: 'id_number_held_outside_scope' },
  });
}

export const idNumberHeldElsewhere = () =>
  conflict('id_number_taken', HELD_ELSEWHERE, { field: 'person.idNumber' });

/** A concurrent insert of the same number still answers 409: the unique index decides. */
export async function guardIdHash<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
      if (e.code === '23505' && e.constraint === 'persons_id_number_hash_unique')
        throw idNumberHeldElsewhere();
      e = e.cause as typeof e;
    }
    throw error;
  }
}

function newRow(input: CreateInput, person: Extract<ReturnType<typeof checkPersonFields>, { ok: true }>) {
  return {
    person: { ...person, name: input.person.name, address: input.person.address },
    orgId: input.orgId,
    status: input.status,
    category: input.category,
    admittedOn: input.admittedOn,
    confirmedOn: input.confirmedOn ?? null,
    probationEndsOn: input.probationEndsOn ?? null,
    isMobile: input.isMobile,
    outflowDestination: input.isMobile ? input.outflowDestination : null,
    isHardship: input.isHardship,
    lostContactOn: null,
    importBatchId: null,
  };
}

/**
 * Records a member (and their person) in a branch or group of the actor's `member.manage` scope: identity
 * checked (ID number, derived birth date and gender, codes, phones), admission rules decided, then person,
 * member, `registered` event, rollup and audit in one transaction.
 */
export async function createMember(ctx: Ctx, input: CreateInput): Promise<MemberDetail> {
  const scope = scopeFor(ctx, 'member.manage');
  const person = checkPersonFields(input.person, ctx.today);
  if (!person.ok) throw fieldError(['body', 'person'], person);
  const work = async (tx: Ctx) => {
    const org = await orgIn(tx, scope, input.orgId, '党组织');
    const role = requireAt(tx, 'member.manage', org.path);
    const facts = { org, status: input.status, birthDate: person.birthDate, admittedOn: input.admittedOn };
    const dates = { confirmedOn: input.confirmedOn ?? null, probationEndsOn: input.probationEndsOn ?? null };
    const decision = checkNewMember({ ...facts, ...dates }, tx.today);
    if (!decision.ok) throw ruleViolation(decision);
    const warnings = [...decision.warnings];
    // The 基层党委's approval of the admission, recorded by it only (docs/membership.md §12).
    if (input.approval) {
      approverRole(tx, org.path, org.kind === 'group');
      const approved = checkApproval(input.admittedOn, input.approval, tx.today);
      if (!approved.ok) throw ruleViolation(approved);
      warnings.push(...approved.warnings);
    }
    // How and when the member arrived: the 增减台账 counts them there (docs/membership.md §8).
    const arrival = checkEntry(
      input.entry ?? { by: 'admitted' },
      { admittedOn: input.admittedOn, approvedOn: input.approval?.approvedOn ?? null },
      tx.today,
    );
    if (!arrival.ok) throw ruleViolation(arrival);
    if (person.idNumber) await ensureIdNumberFree(tx, person.idNumber);
    const approval = input.approval ? { registeredDetails: { approval: input.approval } } : {};
    const row = { ...newRow(input, person), warnings, entry: arrival.entry, ...approval };
    const [id] = await guardIdHash(() => insertMemberRows(tx, [row]));
    const m = (await findMemberInScope(tx.db, scope, id as number)) as MemberRecord;
    await recordAudit(tx, {
      action: 'member.create',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: auditedMember(m),
      ...(warnings.length > 0 ? { note: { warnings: warnings.map((w) => w.reason) } } : {}),
    });
    return memberDetail(tx, m, MASKED);
  };
  return inTransaction(ctx, work, { auditRefusals: true });
}
