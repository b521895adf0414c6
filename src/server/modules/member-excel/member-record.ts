import { type CodeList, formatCodedCell } from '../../../domain/codes/index.ts';
import {
  type Gender,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
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
  readonly idNumber: string | null;
  readonly gender: Gender;
  readonly ethnicity: string | null;
  readonly birthDate: IsoDate | null;
  readonly education: string | null;
  readonly status: MemberStatus;
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
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
export const STANDING_CHOICES = { 正常: 'normal', 停止党籍: 'suspended' } as const;
export const GENDER_CHOICES: Record<string, Gender> = { 男: 'male', 女: 'female' };
export const CATEGORY_CHOICES = Object.fromEntries(
  MEMBER_CATEGORIES.map((c) => [MEMBER_CATEGORY_LABELS[c], c]),
);
export const CATEGORY_NAMES = MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]);
export const DATE_HELP = '日期单元格，或文本“年-月-日”，如2017-07-01、2017/7/1、2017年7月1日';

/** 人员类别 of a member whose status hides it (失联, 停止党籍): confirmed → 正式党员. */
export function kindLabel(r: MemberExportRecord): string {
  if (r.status === 'full' || r.status === 'probationary')
    return r.status === 'full' ? '正式党员' : '预备党员';
  return r.confirmedOn ? '正式党员' : '预备党员';
}
