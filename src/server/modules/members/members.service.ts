import type { z } from 'zod';
import type { CreateMemberBody, MemberDetail, MemberDetailQuery } from '../../../contracts/members.ts';
import { type Actor, can } from '../../../domain/access/index.ts';
import { checkNewMember } from '../../../domain/membership/index.ts';
import { checkPersonFields } from '../../../domain/people/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import { AuditedRefusal, transactionAuditingRefusals } from '../../audit/audited-refusal.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission } from '../../http/access.ts';
import { conflict, enforce, forbidden, notFound } from '../../http/errors.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { fieldError, memberCan, memberManageScope, memberReadScope } from './member-access.ts';
import { auditedMember, detailView, MASKED, type Unmask } from './member-views.ts';
import { insertMemberRows } from './member-writes.ts';
import {
  findMemberInScope,
  findPersonByIdHash,
  hasPendingTransfer,
  listMemberEvents,
  type MemberRecord,
} from './members.repo.ts';

type CreateInput = z.output<typeof CreateMemberBody>;

/** The detail page of a member: history, and what the actor may do (`can`). */
export async function memberDetail(
  db: Db,
  deps: Deps,
  actor: Actor | null,
  m: MemberRecord,
  unmask: Unmask,
): Promise<MemberDetail> {
  const events = await listMemberEvents(db, m.id);
  const flags = actor
    ? memberCan(
        actor,
        {
          orgPath: m.orgPath,
          status: m.status,
          hasIdNumber: m.person.idNumberEnc !== null,
          pendingTransfer: await hasPendingTransfer(db, m.id),
        },
        deps.clock.today(),
      )
    : { edit: false, reveal: false, changeStatus: false, transfer: false };
  return detailView(deps.idCipher, m, events, unmask, flags);
}

/**
 * One member, masked; `reveal=idNumber` shows the ID number whole to an org_admin (member.reveal) and writes
 * an audit row naming the field, never the value. Anyone else who may read the member gets 403.
 */
export async function getMember(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  query: z.output<typeof MemberDetailQuery>,
): Promise<MemberDetail> {
  const today = deps.clock.today();
  const m = await findMemberInScope(deps.db, memberReadScope(actor, today), id);
  if (!m) throw notFound('党员');
  if (query.reveal !== 'idNumber') return memberDetail(deps.db, deps, actor, m, MASKED);
  if (!can(actor, 'member.reveal', m.orgPath, today)) {
    throw forbidden('reveal_not_permitted', '只有组织管理员可以查看完整的公民身份号码');
  }
  const role = requireAt(actor, 'member.reveal', m.orgPath, today, '党员');
  return deps.db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'member.reveal',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role,
      note: { field: 'idNumber' },
    });
    return memberDetail(tx, deps, actor, m, { idNumber: true, phones: false });
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
export async function ensureIdNumberFree(
  db: Db,
  deps: Deps,
  actor: Actor,
  idNumber: string,
  exceptPersonId?: number,
): Promise<void> {
  const taken = await findPersonByIdHash(db, deps.idCipher.hash(idNumber), exceptPersonId);
  if (!taken) return;
  const today = deps.clock.today();
  const visible =
    taken.memberId !== null && taken.orgPath !== null && can(actor, 'member.read', taken.orgPath, today);
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
    role: requirePermission(actor, 'member.manage', today),
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
export async function createMember(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  input: CreateInput,
): Promise<MemberDetail> {
  const today: IsoDate = deps.clock.today();
  const scope = memberManageScope(actor, today);
  const person = checkPersonFields(input.person, today);
  if (!person.ok) throw fieldError(['body', 'person'], person);
  return transactionAuditingRefusals(deps.db, ctx, async (tx) => {
    const org = await getOrgRef(tx, scope, input.orgId, '党组织');
    const role = requireAt(actor, 'member.manage', org.path, today);
    const facts = { org, status: input.status, birthDate: person.birthDate, admittedOn: input.admittedOn };
    enforce(checkNewMember({ ...facts, confirmedOn: input.confirmedOn ?? null }, today));
    if (person.idNumber) await ensureIdNumberFree(tx, deps, actor, person.idNumber);
    const [id] = await guardIdHash(() => insertMemberRows(tx, deps, ctx.actorId, [newRow(input, person)]));
    const m = (await findMemberInScope(tx, scope, id as number)) as MemberRecord;
    await recordAudit(tx, ctx, {
      action: 'member.create',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: auditedMember(m),
    });
    return memberDetail(tx, deps, actor, m, MASKED);
  });
}
