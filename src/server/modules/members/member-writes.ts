import type { AuditAction } from '../../../contracts/audit.ts';
import type {
  EntryKind,
  Gender,
  LeftReason,
  MemberCategory,
  MemberEventKind,
  MemberStatus,
  MemberWarning,
  StatsMember,
} from '../../../domain/membership/index.ts';
import { recordedProbationEnd } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { RequestServices, WorkCtx } from '../../context.ts';
import type { IdCipher } from '../../security/crypto.ts';
import { nameSearchKeys } from '../../text/pinyin.ts';
import { recordRosterChanges } from '../stats/index.ts';
import {
  type EventInsert,
  findPersonsByIdHashes,
  insertEventRows,
  insertMemberRowsJson,
  insertPersonRows,
  type MemberInsert,
  nextIds,
  type PersonInsert,
} from './member-writes.repo.ts';

/**
 * Writing new members in bulk, inside the caller's transaction (`tx.db`): the one way members come into being (the
 * form, the Excel import, the demo data). Every value must already be checked by the rules (src/domain):
 * this module only stores, counts (rollup) and records (events, audit).
 */
export type MemberWriteCtx = WorkCtx & Pick<RequestServices, 'idCipher'>;

export type NewPerson = {
  readonly name: string;
  readonly gender: Gender;
  readonly ethnicity: string | null;
  readonly birthDate: IsoDate | null;
  /** Normalized and validated (checkIdNumber): 18 characters, or a legacy 15-digit number. */
  readonly idNumber: string | null;
  readonly education: string | null;
  readonly workPost: string | null;
  /** Normalized (checkMobile / checkLandline). */
  readonly phoneMobile: string | null;
  readonly phoneLandline: string | null;
  readonly address: string | null;
};

export type NewMemberRow = {
  readonly person: NewPerson;
  readonly orgId: number;
  readonly status: MemberStatus;
  readonly category: MemberCategory;
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
  readonly isMobile: boolean;
  readonly outflowDestination: string | null;
  readonly isHardship: boolean;
  readonly lostContactOn: IsoDate | null;
  readonly importBatchId: number | null;
  /** A documented extension of the 预备期 (its new end), checked by checkNewMember. */
  readonly probationEndsOn?: IsoDate | null;
  /** What the rules accepted but flagged (an old record's 候补期): kept on the `registered` event. */
  readonly warnings?: readonly MemberWarning[];
  /**
   * A roster written with its history (the demo city): the change, decided by the rules (checkMemberEvent), that
   * brought the member from the standing they registered with to `status`; with what it left on the member.
   */
  readonly later?: LaterChange | null;
  /** Facts added to the `registered` event's details (the demo city's `source`). */
  readonly registeredDetails?: Readonly<Record<string, unknown>>;
  /**
   * How and when the member arrived in the records (docs/membership.md §8): the 增减台账 counts the `registered`
   * event on `on`, in the line of `by`. By default a 发展 on the 入党时间 (the demo city's members, whose history
   * is written whole); the form says it, the import is a 建库 on the day of the import.
   */
  readonly entry?: MemberEntry;
};

/** The arrival in the records: how (ENTRY_KINDS) and the day. */
export type MemberEntry = { readonly by: EntryKind; readonly on: IsoDate };

const entryOf = (row: NewMemberRow): MemberEntry => row.entry ?? { by: 'admitted', on: row.admittedOn };

/** A change of standing after registration, already decided by the rules, written as the second history row. */
export type LaterChange = {
  readonly kind: MemberEventKind;
  readonly fromValue: string | null;
  readonly toValue: string | null;
  readonly effectiveOn: IsoDate;
  readonly details: Readonly<Record<string, unknown>>;
  readonly reason: string | null;
  /** 出党 (`left`): why. */
  readonly leftReason?: LeftReason | null;
  /** 转出 (`transferred_out`): the letter's number. */
  readonly transferLetterNo?: string | null;
};

export type InsertMembersOptions = {
  /** The audit action of the batch (`member.import`; AuditAction, a closed vocabulary). */
  readonly auditAction: AuditAction;
  /** Org the audit row is filed under (the import's org); the first row's org by default. */
  readonly auditOrgId?: number;
  /** The role that authorized the write, for the audit log. */
  readonly role?: string | null;
  /** Extra facts for the audit row (file name, format); never personal data. */
  readonly note?: Record<string, unknown>;
};

/** Rows per INSERT statement (one JSON parameter each). */
const CHUNK = 5000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What the rollup counts of a new member. */
export function statsMemberOf(row: NewMemberRow): StatsMember {
  return {
    orgId: row.orgId,
    status: row.status,
    gender: row.person.gender,
    ethnicity: row.person.ethnicity,
    birthDate: row.person.birthDate,
    education: row.person.education,
    workPost: row.person.workPost,
    admittedOn: row.admittedOn,
    category: row.category,
    isMobile: row.isMobile,
    isHardship: row.isHardship,
  };
}

/** The search keys of names, each name converted once per write (a roster repeats its common names). */
function searchKeysOnce(): (name: string) => ReturnType<typeof nameSearchKeys> {
  const known = new Map<string, ReturnType<typeof nameSearchKeys>>();
  return (name) => {
    const keys = known.get(name) ?? nameSearchKeys(name);
    known.set(name, keys);
    return keys;
  };
}

function personValues(
  cipher: IdCipher,
  id: number,
  p: NewPerson,
  keysOf: (name: string) => ReturnType<typeof nameSearchKeys>,
): PersonInsert {
  const keys = keysOf(p.name);
  return {
    id,
    name: p.name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_date: p.birthDate,
    id_number_enc: p.idNumber ? cipher.encrypt(p.idNumber) : null,
    id_number_hash: p.idNumber ? cipher.hash(p.idNumber) : null,
    id_number_legacy: p.idNumber?.length === 15,
    education: p.education,
    work_post: p.workPost,
    phone_mobile: p.phoneMobile,
    phone_landline: p.phoneLandline,
    address: p.address,
  };
}

function memberValues(row: NewMemberRow, id: number, personId: number): MemberInsert {
  return {
    id,
    person_id: personId,
    org_id: row.orgId,
    status: row.status,
    category: row.category,
    admitted_on: row.admittedOn,
    confirmed_on: row.confirmedOn,
    probation_ends_on: recordedProbationEnd({ ...row, probationEndsOn: row.probationEndsOn ?? null }),
    is_mobile: row.isMobile,
    outflow_destination: row.isMobile ? row.outflowDestination : null,
    is_hardship: row.isHardship,
    lost_contact_on: row.status === 'unreachable' ? row.lostContactOn : null,
    import_batch_id: row.importBatchId,
    left_reason: row.status === 'left' ? (row.later?.leftReason ?? null) : null,
    transfer_letter_no: row.status === 'transferred_out' ? (row.later?.transferLetterNo ?? null) : null,
    entered_on: entryOf(row).on,
    entered_by: entryOf(row).by,
  };
}

/**
 * The `registered` event that opens a member's history: it happened on admission (入党时间); the 增减台账 counts it
 * on the day the member arrived in the records, in the line of how (`details.enteredBy`; docs/membership.md §8).
 */
function registeredEvent(row: NewMemberRow, memberId: number, actorId: number | null): EventInsert {
  return {
    member_id: memberId,
    kind: 'registered',
    org_id: row.orgId,
    from_value: null,
    to_value: row.later ? row.later.fromValue : row.status,
    effective_on: row.admittedOn,
    counted_on: entryOf(row).on,
    reason: null,
    details: {
      ...row.registeredDetails,
      enteredBy: entryOf(row).by,
      ...(row.confirmedOn ? { confirmedOn: row.confirmedOn } : {}),
      ...(row.probationEndsOn ? { probationEndsOn: row.probationEndsOn } : {}),
      ...(row.warnings?.length ? { warnings: row.warnings.map((w) => w.reason) } : {}),
    },
    import_batch_id: row.importBatchId,
    actor_id: actorId,
  };
}

/** The history rows of new members: `registered`, then the later change of those written with one. */
function historyOf(
  part: readonly NewMemberRow[],
  ids: readonly number[],
  actorId: number | null,
): EventInsert[] {
  return part.flatMap((row, i) => {
    const memberId = ids[i] as number;
    const registered = registeredEvent(row, memberId, actorId);
    const later = row.later;
    if (!later) return [registered];
    return [
      registered,
      {
        member_id: memberId,
        kind: later.kind,
        org_id: row.orgId,
        from_value: later.fromValue,
        to_value: later.toValue,
        effective_on: later.effectiveOn,
        reason: later.reason,
        details: { ...later.details },
        import_batch_id: row.importBatchId,
        actor_id: actorId,
      },
    ];
  });
}

/**
 * Inserts persons, members and their history (`registered`, and a later change where a row has one), a few
 * thousand rows per statement (no round trip per row), and brings the rollup up to date with one call. Returns
 * the new member ids in the order of `rows`. Does not write the audit log: see insertMembers (a batch) and the
 * member service (one member).
 */
export async function insertMemberRows(tx: MemberWriteCtx, rows: readonly NewMemberRow[]): Promise<number[]> {
  return (await insertMemberRecords(tx, rows)).memberIds;
}

/** insertMemberRows, answering the persons' ids too (in the order of `rows`): the demo city links an account. */
export async function insertMemberRecords(
  tx: MemberWriteCtx,
  rows: readonly NewMemberRow[],
): Promise<{ memberIds: number[]; personIds: number[] }> {
  const memberIds: number[] = [];
  const allPersonIds: number[] = [];
  const actorId = tx.audit.actorId;
  const keysOf = searchKeysOnce();
  for (const part of chunks(rows)) {
    const personIds = await nextIds(tx.db, 'persons', part.length);
    const ids = await nextIds(tx.db, 'members', part.length);
    await insertPersonRows(
      tx.db,
      part.map((r, i) => personValues(tx.idCipher, personIds[i] as number, r.person, keysOf)),
    );
    await insertMemberRowsJson(
      tx.db,
      part.map((r, i) => memberValues(r, ids[i] as number, personIds[i] as number)),
    );
    const arrivals = new Map(part.map((r, i) => [ids[i] as number, entryOf(r).on]));
    await insertEventRows(tx, historyOf(part, ids, actorId), (id) => arrivals.get(id) ?? null);
    memberIds.push(...ids);
    allPersonIds.push(...personIds);
  }
  await recordRosterChanges(
    tx,
    rows.map((r) => ({ before: null, after: statsMemberOf(r) })),
  );
  return { memberIds, personIds: allPersonIds };
}

/**
 * New members in bulk (the Excel import): persons, members, `registered` events, the rollup, and ONE audit row
 * for the batch (not one per member), all in the caller's transaction. Values must be validated first; ID
 * numbers must be free (see findExistingIdHashes): a taken one fails the unique index and the transaction.
 */
export async function insertMembers(
  tx: MemberWriteCtx,
  rows: readonly NewMemberRow[],
  options: InsertMembersOptions,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await insertMemberRows(tx, rows);
  const batchIds = [...new Set(rows.map((r) => r.importBatchId).filter((id) => id !== null))];
  await recordAudit(tx, {
    action: options.auditAction,
    entityType: batchIds.length === 1 ? 'import_batch' : 'member',
    entityId: batchIds.length === 1 ? batchIds[0] : null,
    orgId: options.auditOrgId ?? rows[0]?.orgId ?? null,
    role: options.role ?? null,
    note: { ...options.note, memberCount: ids.length, firstMemberId: ids[0], lastMemberId: ids.at(-1) },
  });
  return ids;
}

/**
 * The persons who already hold these keyed hashes (IdCipher.hash), each with the path of the org where they are a
 * member (null for a person who is not one): the import refuses their rows before anything is written.
 */
export async function findIdHolders(
  ctx: Pick<WorkCtx, 'db'>,
  hashes: readonly string[],
): Promise<Map<string, { personId: number; orgPath: string | null }>> {
  const found = new Map<string, { personId: number; orgPath: string | null }>();
  for (const part of chunks([...new Set(hashes)])) {
    for (const r of await findPersonsByIdHashes(ctx.db, part)) {
      if (r.hash) found.set(r.hash, { personId: r.personId, orgPath: r.orgPath });
    }
  }
  return found;
}
