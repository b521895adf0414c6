import { type CodeList, formatCodedCell } from '../../../domain/codes/index.ts';
import {
  checkExtendedEnd,
  type Gender,
  LEFT_REASON_LABELS,
  type LeftReason,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberCategory,
  type MemberStatus,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { CellParser } from './column-parsers.ts';

/**
 * The parts the column list (members.excel.ts) is made of: the member as the exporter writes it, the shape
 * of a column, the closed lists and the cell formatters.
 */
/** A member as the exporter writes it: values already decrypted or masked. */
export type MemberExportRecord = {
  readonly name: string;
  readonly orgId: number;
  readonly orgName: string;
  /** The 党支部: the org itself, or the branch of a 党小组. */
  readonly branchId: number;
  readonly branchName: string;
  readonly idNumber: string | null;
  readonly gender: Gender;
  readonly ethnicity: string | null;
  readonly birthDate: IsoDate | null;
  readonly education: string | null;
  readonly status: MemberStatus;
  readonly leftReason: LeftReason | null;
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
  readonly probationEndsOn: IsoDate | null;
  readonly workPost: string | null;
  readonly phoneMobile: string | null;
  readonly phoneLandline: string | null;
  readonly address: string | null;
  readonly category: MemberCategory;
  readonly isMobile: boolean;
  readonly outflowDestination: string | null;
  readonly isHardship: boolean;
  readonly lostContactOn: IsoDate | null;
};

export type ExportCell = string | Date | null;
/** A dropdown: a short closed list, or one of the code sheets. */
export type ColumnList = { readonly values: readonly string[] } | { readonly codes: CodeList };

export type Column<K extends string, T> = {
  readonly key: K;
  readonly header: string;
  readonly official?: string;
  readonly synonyms?: readonly string[];
  readonly width: number;
  readonly kind: 'text' | 'id' | 'date' | 'choice' | 'coded' | 'phone';
  /** For the 说明 sheet: 是 / 否 / when. */
  readonly required: string;
  readonly help: string;
  readonly list?: ColumnList;
  readonly parse: CellParser<T>;
  readonly format: (r: MemberExportRecord) => ExportCell;
  /** The cell of the 2017 form where it differs from the template's (所在党支部, 党籍状态). */
  readonly formatOfficial?: (r: MemberExportRecord) => ExportCell;
  /** Not a column of the Jiceng template (read from the 2017 form and older templates only). */
  readonly notInTemplate?: true;
};

export const column = <K extends string, T>(c: Column<K, T>) => c;
export const utcDate = (d: IsoDate | null) => (d === null ? null : new Date(`${d}T00:00:00Z`));
export const coded = (code: string | null, list: CodeList) =>
  code === null ? null : formatCodedCell(code, list);
export const yesNo = (v: boolean) => (v ? '是' : '否');

export const YES_NO = ['是', '否'] as const;
export const KIND_CHOICES = {
  正式党员: 'full',
  预备党员: 'probationary',
  正式: 'full',
  预备: 'probationary',
} as const;
/**
 * 党籍状态 as read: the Jiceng template's (the UI's statuses of a current member) and the 2017 form's (正常 /
 * 停止党籍, beside its 人员类别 and 是否为失联党员 columns).
 */
export const STANDING_CHOICES = {
  正式党员: 'full',
  预备党员: 'probationary',
  失联党员: 'unreachable',
  停止党籍: 'suspended',
  正常: 'normal',
  正式: 'full',
  预备: 'probationary',
  失联: 'unreachable',
} as const;
export type StandingValue = (typeof STANDING_CHOICES)[keyof typeof STANDING_CHOICES];
const CURRENT_STATUSES = [
  'full',
  'probationary',
  'unreachable',
  'suspended',
] as const satisfies MemberStatus[];
/** The template's drop-down: the statuses of a current member, as the UI names them. */
export const TEMPLATE_STANDINGS = CURRENT_STATUSES.map((s) => MEMBER_STATUS_LABELS[s]);
export const REQUIRED_IN_STANDING = '预备党员、正式党员必填（失联、停止党籍可空）';
export const GENDER_CHOICES: Record<string, Gender> = { 男: 'male', 女: 'female' };
export const CATEGORY_CHOICES = Object.fromEntries(
  MEMBER_CATEGORIES.map((c) => [MEMBER_CATEGORY_LABELS[c], c]),
);
export const CATEGORY_NAMES = MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]);
export const DATE_HELP = '日期单元格，或文本“年-月-日”，如2017-07-01、2017/7/1、2017年7月1日';

/** A member who is no longer on the roster, by their real status: 已出党：退党, 已去世, 已转出. */
function departedLabel(r: MemberExportRecord): string {
  const label = MEMBER_STATUS_LABELS[r.status];
  return r.status === 'left' && r.leftReason ? `${label}：${LEFT_REASON_LABELS[r.leftReason]}` : label;
}

/** 党籍状态 in the template: the member's status as the UI shows it. */
export function standingLabel(r: MemberExportRecord): string {
  return departedLabel(r);
}

/** 党籍状态 in the 2017 form: 正常 or 停止党籍 for a current member; a departed one's real status. */
export function officialStanding(r: MemberExportRecord): string {
  if (r.status === 'suspended') return '停止党籍';
  if ((CURRENT_STATUSES as readonly MemberStatus[]).includes(r.status)) return '正常';
  return departedLabel(r);
}

/** The end of a documented extension of the 预备期 (6–12 months after the first year), else null. */
export function extendedEnd(r: MemberExportRecord): IsoDate | null {
  if (r.probationEndsOn === null) return null;
  return checkExtendedEnd(r.admittedOn, r.probationEndsOn) === null ? r.probationEndsOn : null;
}

/** 人员类别 of a member whose status hides it (失联, 停止党籍): confirmed → 正式党员. */
export function kindLabel(r: MemberExportRecord): string {
  if (r.status === 'full' || r.status === 'probationary')
    return r.status === 'full' ? '正式党员' : '预备党员';
  return r.confirmedOn ? '正式党员' : '预备党员';
}
