import {
  categoryFromWorkPost,
  checkMemberOrg,
  checkNewMember,
  decideRosterRow,
  type MemberOrg,
  type MemberWarning,
  needsFullRecord,
  REQUIRED_FIELD_MESSAGES,
  type RosterField,
  STANDING_REQUIRED_FIELDS,
} from '../../../domain/membership/index.ts';
import { checkIdAgainstPerson, type ParsedId } from '../../../domain/people/index.ts';
import type { Denial, IsoDate } from '../../../domain/shared/index.ts';
import type { ErrorReason } from '../../errors.ts';
import { type CellInput, EMPTY_CELL } from '../../excel/cells.ts';
import type { NewMemberRow } from '../members/index.ts';
import type { ParseContext } from './column-parsers.ts';
import { type ColumnKey, MEMBER_COLUMNS, type ParsedValues } from './members.excel.ts';
import type { SheetLayout } from './sheet-layout.ts';

/**
 * One row of a roster, checked column by column and then as a whole. Every problem is kept (not only the
 * first), each on its column, so that the user can fix a file in one pass. The rules are the domain's:
 * identity (GB 11643), the member rules (checkNewMember) and the roster's own (decideRosterRow).
 */
export type RowIssue = { readonly column: ColumnKey | null; readonly message: string };

export type ParsedRow = {
  readonly values: ParsedValues;
  readonly errors: RowIssue[];
  readonly warnings: RowIssue[];
  /** Columns whose cell was refused: later checks leave them alone rather than repeat the error. */
  readonly refused: Set<ColumnKey>;
};

/** Every column parsed on its own (a missing column reads as blank). */
export function parseRow(layout: SheetLayout, cells: readonly CellInput[], ctx: ParseContext): ParsedRow {
  const values = {} as Record<ColumnKey, unknown>;
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const refused = new Set<ColumnKey>();
  for (const column of MEMBER_COLUMNS) {
    const at = layout.columns.get(column.key);
    const parsed = column.parse(at ? (cells[at.index] ?? EMPTY_CELL) : EMPTY_CELL, ctx);
    if (parsed.ok) {
      values[column.key] = parsed.value;
      if (parsed.note) warnings.push({ column: column.key, message: parsed.note });
    } else {
      values[column.key] = null;
      refused.add(column.key);
      errors.push({ column: column.key, message: parsed.message });
    }
  }
  return { values: values as ParsedValues, errors, warnings, refused };
}

/** The branch named by the row, as the service resolved it within the import's scope. */
export type OrgResolution =
  | { readonly ok: true; readonly id: number; readonly org: MemberOrg }
  | { readonly ok: false; readonly message: string };

const REQUIRED: readonly [ColumnKey, string][] = [
  ['name', '请填写姓名'],
  ['org', '请填写所在党支部（全称或组织代码）'],
  ['idNumber', '请填写公民身份号码'],
  ['admittedOn', '请填写加入党组织日期'],
];
/**
 * Required of members in good standing, the same set as the form and the API (STANDING_REQUIRED_FIELDS);
 * 失联 / 停止党籍 rows may lack them (docs/official-forms.md §6.3).
 */
const REQUIRED_IN_STANDING: readonly [ColumnKey, string][] = STANDING_REQUIRED_FIELDS.map((f) => [
  f,
  REQUIRED_FIELD_MESSAGES[f],
]);

const ROSTER_COLUMN: Record<RosterField, ColumnKey> = {
  kind: 'kind',
  lostContactOn: 'lostContactOn',
  outflowDestination: 'outflowDestination',
  isUnreachable: 'isUnreachable',
};

function memberRuleColumn(denial: Denial<ErrorReason>): ColumnKey {
  if (denial.reason.startsWith('member_org')) return 'org';
  if (denial.reason === 'probation_extension_out_of_range') return 'probationEndsOn';
  return /confirmed/.test(denial.reason) ? 'confirmedOn' : 'admittedOn';
}

type Kind = 'full' | 'probationary';
type Standing = ParsedValues['standing'];

/**
 * 人员类别 of the 2017 form, or the 党籍状态 of the Jiceng template when it says 正式党员 / 预备党员 (the two
 * must agree when a file has both).
 */
function kindOf(v: ParsedValues): Kind | null {
  if (v.kind !== null) return v.kind;
  return v.standing === 'full' || v.standing === 'probationary' ? v.standing : null;
}

function checkKindAgrees({ row, add }: Check): void {
  const { kind, standing } = row.values;
  if (kind !== null && (standing === 'full' || standing === 'probationary') && kind !== standing) {
    add('standing', '党籍状态与人员类别（正式党员/预备党员）不一致');
  }
}

const isSuspended = (s: Standing) => s === 'suspended';

type Check = { row: ParsedRow; add(column: ColumnKey | null, message: string): void };

function checkRequired({ row, add }: Check, list: readonly [ColumnKey, string][]): void {
  for (const [key, message] of list) {
    if (row.values[key] === null && !row.refused.has(key)) add(key, message);
  }
}

function checkIdentity({ row, add }: Check, id: ParsedId): void {
  const { gender, birthDate } = row.values;
  const agrees = checkIdAgainstPerson(id, { gender, birthDate });
  if (!agrees.ok) add(agrees.reason === 'id_gender_mismatch' ? 'gender' : 'birthDate', agrees.message);
}

/**
 * The dates by the member rules (checkNewMember: the 转正 date of the status path, docs/membership.md §3.2);
 * an old record's warnings go to the report and are kept with the member.
 */
function checkMemberDates(check: Check, id: ParsedId, kind: Kind, today: IsoDate): readonly MemberWarning[] {
  const { admittedOn, confirmedOn, probationEndsOn } = check.row.values;
  if (admittedOn === null || check.row.refused.has('confirmedOn') || check.row.refused.has('probationEndsOn'))
    return [];
  // Placement is checked on its own (checkOrg), so that a date problem is reported as well.
  const anyBranch: MemberOrg = { kind: 'branch', dissolvedOn: null };
  const facts = {
    org: anyBranch,
    status: kind,
    birthDate: id.birthDate,
    admittedOn,
    confirmedOn,
    probationEndsOn,
  };
  const decision = checkNewMember(facts, today);
  if (!decision.ok) {
    check.add(memberRuleColumn(decision), decision.message);
    return [];
  }
  for (const w of decision.warnings) check.row.warnings.push({ column: 'confirmedOn', message: w.message });
  return decision.warnings;
}

function checkOrg({ row, add }: Check, org: OrgResolution | null): void {
  if (org === null || row.refused.has('org')) return;
  const denial = org.ok ? checkMemberOrg(org.org) : org;
  if (denial) add('org', denial.message);
}

/**
 * The row as a whole, once its org is resolved: required fields, ID against gender and birth date, the
 * status and conditional blanks of the form, the member rules. Answers the member to insert when nothing is
 * wrong (duplicates are the caller's: they need the whole file and the database).
 */
export function decideRow(row: ParsedRow, org: OrgResolution | null, today: IsoDate): NewMemberRow | null {
  const check: Check = { row, add: (column, message) => row.errors.push({ column, message }) };
  const v = row.values;
  checkRequired(check, REQUIRED);
  checkKindAgrees(check);
  const kind = kindOf(v);
  const roster = decideRosterRow({
    kind,
    suspended: isSuspended(v.standing),
    unreachable: v.isUnreachable === true || v.standing === 'unreachable',
    lostContactOn: v.lostContactOn,
    isMobile: v.isMobile === true,
    outflowDestination: v.outflowDestination,
    admittedOn: v.admittedOn,
  });
  for (const e of roster.errors) {
    if (!row.refused.has(ROSTER_COLUMN[e.field])) check.add(ROSTER_COLUMN[e.field], e.denial.message);
  }
  for (const w of roster.warnings)
    row.warnings.push({ column: ROSTER_COLUMN[w.field], message: w.denial.message });
  if (roster.status !== null && needsFullRecord(roster.status)) checkRequired(check, REQUIRED_IN_STANDING);
  let warnings: readonly MemberWarning[] = [];
  if (v.idNumber) {
    checkIdentity(check, v.idNumber);
    warnings = checkMemberDates(check, v.idNumber, kind ?? (v.confirmedOn ? 'full' : 'probationary'), today);
  }
  checkOrg(check, org);
  if (row.errors.length > 0 || roster.status === null || !v.idNumber || !org?.ok) return null;
  return { ...newMember(row, v.idNumber, roster.status, org.id), warnings };
}

function categoryOf(row: ParsedRow): NewMemberRow['category'] {
  const { category, workPost } = row.values;
  if (category !== null) return category;
  const derived = categoryFromWorkPost(workPost);
  return derived ?? 'other';
}

function newMember(
  row: ParsedRow,
  id: ParsedId,
  status: NewMemberRow['status'],
  orgId: number,
): NewMemberRow {
  const v = row.values;
  return {
    person: {
      name: v.name as string,
      gender: id.gender,
      ethnicity: v.ethnicity,
      birthDate: id.birthDate,
      idNumber: id.normalized,
      education: v.education,
      workPost: v.workPost,
      phoneMobile: v.phoneMobile,
      phoneLandline: v.phoneLandline,
      address: v.address,
    },
    orgId,
    status,
    category: categoryOf(row),
    admittedOn: v.admittedOn as IsoDate,
    confirmedOn: v.confirmedOn,
    probationEndsOn: v.probationEndsOn,
    isMobile: v.isMobile === true,
    outflowDestination: v.isMobile ? v.outflowDestination : null,
    isHardship: v.isHardship === true,
    lostContactOn: v.lostContactOn,
    importBatchId: null,
  };
}
