import type { z } from 'zod';
import type { MemberDetail, UpdateMemberBody } from '../../../contracts/members.ts';
import { checkBirthDateAgainstAdmission, checkStandingFieldsKept } from '../../../domain/membership/index.ts';
import {
  checkPersonFields,
  maskIdNumber,
  maskPhone,
  type PersonFieldsInput,
} from '../../../domain/people/index.ts';
import { deny } from '../../../domain/shared/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction, type WorkCtx } from '../../context.ts';
import { ruleViolation } from '../../errors.ts';
import type { IdCipher } from '../../security/crypto.ts';
import { nameSearchKeys } from '../../text/pinyin.ts';
import { recordRosterChanges } from '../stats/index.ts';
import { fieldError, loadMemberForChange } from './member-access.ts';
import { auditedMember, idNumberOf, MASKED, statsOf } from './member-views.ts';
import {
  findMemberInScope,
  insertMemberEvent,
  type MemberPatch,
  type MemberRecord,
  type PersonPatch,
  updateMemberAtVersion,
  updatePerson,
} from './members.repo.ts';
import { ensureIdNumberFree, guardIdHash, memberDetail } from './members.service.ts';

type UpdateInput = z.output<typeof UpdateMemberBody>;
type PersonInput = NonNullable<UpdateInput['person']>;

/**
 * A value sent back exactly as the page showed it masked is no change: the edit form shows masked ID and
 * phone numbers and may return them untouched.
 */
function unlessMasked(value: string | null | undefined, current: string | null, mask: (v: string) => string) {
  if (value === undefined || value === null || current === null) return value;
  return value === mask(current) || value === current ? undefined : value;
}

/** The person as it will be: the current values, overridden by those sent. A new ID number re-derives. */
function mergedPerson(
  cipher: IdCipher,
  m: MemberRecord,
  p: PersonInput,
): PersonFieldsInput & { idChanged: boolean } {
  const currentId = idNumberOf(cipher, m.person.idNumberEnc);
  const idNumber = unlessMasked(p.idNumber, currentId, maskIdNumber);
  if (idNumber === null && currentId !== null) {
    throw fieldError(['body', 'person'], {
      ok: false,
      field: 'idNumber',
      denial: deny('id_number_cannot_clear', '公民身份号码不能清空，如有错误请改为正确的号码'),
    });
  }
  const idChanged = typeof idNumber === 'string';
  const keep = <T>(sent: T | undefined, current: T) => (sent === undefined ? current : sent);
  return {
    idChanged,
    idNumber: idChanged ? idNumber : currentId,
    birthDate: p.birthDate ?? (idChanged ? undefined : m.person.birthDate),
    gender: p.gender ?? (idChanged ? undefined : m.person.gender),
    ethnicity: keep(p.ethnicity, m.person.ethnicity),
    education: keep(p.education, m.person.education),
    workPost: keep(p.workPost, m.person.workPost),
    phoneMobile: keep(unlessMasked(p.phoneMobile, m.person.phoneMobile, maskPhone), m.person.phoneMobile),
    phoneLandline: keep(
      unlessMasked(p.phoneLandline, m.person.phoneLandline, maskPhone),
      m.person.phoneLandline,
    ),
  };
}

/** Checks the edited person and answers the columns to save; refuses a birth date under the admission age. */
async function personPatchOf(tx: Ctx, m: MemberRecord, p: PersonInput): Promise<PersonPatch> {
  const kept = checkStandingFieldsKept(m.status, p);
  if (!kept.ok) throw fieldError(['body', 'person'], kept);
  const merged = mergedPerson(tx.idCipher, m, p);
  const checked = checkPersonFields(merged, tx.today);
  if (!checked.ok) throw fieldError(['body', 'person'], checked);
  const tooYoung = checkBirthDateAgainstAdmission(checked.birthDate, m.admittedOn);
  if (tooYoung) throw ruleViolation(tooYoung);
  const { ok: _ok, warnings: _w, idNumber, ...fields } = checked;
  const patch: PersonPatch = { ...fields, address: p.address === undefined ? m.person.address : p.address };
  if (p.name !== undefined && p.name !== m.person.name) {
    const keys = nameSearchKeys(p.name);
    Object.assign(patch, { name: p.name, namePinyin: keys.pinyin, nameInitials: keys.initials });
  }
  if (merged.idChanged && idNumber) {
    await ensureIdNumberFree(tx, idNumber, m.personId);
    Object.assign(patch, {
      idNumberEnc: tx.idCipher.encrypt(idNumber),
      idNumberHash: tx.idCipher.hash(idNumber),
      idNumberLegacy: idNumber.length === 15,
    });
  }
  return patch;
}

function memberPatchOf(m: MemberRecord, input: UpdateInput): MemberPatch {
  const isMobile = input.isMobile ?? m.isMobile;
  const destination =
    input.outflowDestination === undefined ? m.outflowDestination : input.outflowDestination;
  return {
    category: input.category ?? m.category,
    isMobile,
    outflowDestination: isMobile ? destination : null,
    isHardship: input.isHardship ?? m.isHardship,
  };
}

/** The person and its member as they will read after the edit. */
function applied(m: MemberRecord, person: PersonPatch, member: MemberPatch): MemberRecord {
  return { ...m, ...member, person: { ...m.person, ...person } } as MemberRecord;
}

/** 人员类别 changes are effective-dated history (issue: every status, org or category change is an event). */
async function categoryEvent(tx: WorkCtx, m: MemberRecord, patch: MemberPatch) {
  // The member as locked: their arrival bounds the ledger date (event-booking.ts), no need to read it again.
  await insertMemberEvent(tx, m, {
    kind: 'category_changed',
    orgId: m.orgId,
    fromValue: m.category,
    toValue: patch.category ?? null,
    effectiveOn: tx.today,
    actorId: tx.audit.actorId,
  });
}

/**
 * Edits a member's person fields, category and flags, at the member's version (409 when stale). A category
 * change is an effective-dated event (today); counted fields move the rollup; the audit row keeps before and
 * after (the ID number redacted).
 */
export async function updateMember(ctx: Ctx, input: UpdateInput & { id: number }): Promise<MemberDetail> {
  const work = async (tx: Ctx) => {
    const { row: m, role, scope } = await loadMemberForChange(tx, input.id, input.version);
    const personPatch = await personPatchOf(tx, m, input.person ?? {});
    const memberPatch = memberPatchOf(m, input);
    await guardIdHash(() => updatePerson(tx.db, m.personId, personPatch, tx.at));
    await updateMemberAtVersion(tx.db, m.id, m.version, memberPatch, tx.at);
    if (memberPatch.category !== m.category) await categoryEvent(tx, m, memberPatch);
    const after = applied(m, personPatch, memberPatch);
    await recordRosterChanges(tx, [{ before: statsOf(m), after: statsOf(after) }]);
    await recordAudit(tx, {
      action: 'member.update',
      entityType: 'member',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: auditedMember(m),
      after: auditedMember(after),
    });
    return memberDetail(tx, (await findMemberInScope(tx.db, scope, input.id)) as MemberRecord, MASKED);
  };
  return inTransaction(ctx, work, { auditRefusals: true });
}
