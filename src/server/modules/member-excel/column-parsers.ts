import { type CodeList, parseCodedCell } from '../../../domain/codes/index.ts';
import {
  checkIdNumber,
  checkLandline,
  checkMobile,
  EARLIEST_BIRTH_DATE,
  type ParsedId,
} from '../../../domain/people/index.ts';
import { type IsoDate, isIsoDate } from '../../../domain/shared/index.ts';
import {
  type CellInput,
  cellText,
  dateCellToIso,
  numberText,
  parseTextDate,
  serialToIsoDate,
} from '../../excel/cells.ts';

/** Cell → value or a Chinese message. `note` tells the user how a value was read (not an error). */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T | null; readonly note?: string }
  | { readonly ok: false; readonly message: string };
export type ParseContext = { readonly today: IsoDate; readonly date1904: boolean };
export type CellParser<T> = (cell: CellInput, ctx: ParseContext) => Parsed<T>;

const ok = <T>(value: T | null, note?: string): Parsed<T> =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

export const NUMERIC_ID_MESSAGE =
  '数值格式的身份证号已被Excel截断，请将该列设为文本格式后重新填写（Excel只保留15位有效数字，18位号码的末几位已丢失）';
export const MASKED_ID_MESSAGE =
  '公民身份号码已打码（导出时未显示完整号码），无法导入；请由组织管理员导出完整号码后再导入';

export function textParser(max: number): CellParser<string> {
  return (cell) => {
    const text = cellText(cell);
    if (text !== null && text.length > max) return fail(`不能超过${max}个字符`);
    return ok(text);
  };
}

/**
 * 公民身份号码 (GB 11643). A numeric cell is refused: Excel keeps 15 significant digits, so an 18-digit number
 * typed into a General cell has already lost its last digits (docs/official-forms.md §6.5).
 */
export const idParser: CellParser<ParsedId> = (cell, ctx) => {
  if (typeof cell.value === 'number') return fail(NUMERIC_ID_MESSAGE);
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (text.includes('*')) return fail(MASKED_ID_MESSAGE);
  const id = checkIdNumber(text.normalize('NFKC').replace(/\s/g, ''), { today: ctx.today });
  if (!id.ok) return fail(id.message);
  return ok(id, id.warnings[0]?.message);
};

/** A closed list (性别, 人员类别, 党籍状态…): the label, or one of its accepted spellings. */
export function choiceParser<T extends string>(choices: Record<string, T>, allowed: string): CellParser<T> {
  return (cell) => {
    const text = cellText(cell);
    if (text === null) return ok(null);
    const value = choices[text.normalize('NFKC')];
    return value === undefined ? fail(`应填写${allowed}`) : ok(value);
  };
}

/** 是 / 否 (also a TRUE/FALSE cell). */
export const flagParser: CellParser<boolean> = (cell) => {
  if (typeof cell.value === 'boolean') return ok(cell.value);
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (['是', 'Y', 'y'].includes(text)) return ok(true);
  if (['否', 'N', 'n'].includes(text)) return ok(false);
  return fail('应填写“是”或“否”');
};

/**
 * A code that Excel stored as a number may have lost its leading zeros (`011` → 11): the stored digits are
 * accepted only when exactly one code reads that way (`1` → 民族 `01`); `11` could be 011 or 11 and is refused.
 */
function numericCode<C extends string>(n: number, list: CodeList<C>): Parsed<C> {
  const digits = numberText(n);
  const codes = [digits, `0${digits}`, `00${digits}`].filter((c) => list.entries.some((e) => e.code === c));
  if (codes.length === 1) return ok(codes[0] as C);
  if (codes.length > 1) {
    return fail(
      `${list.label}代码以数值保存，无法判断是${codes.join('还是')}，请将该列设为文本格式后填写代码`,
    );
  }
  return fail(`${list.label}代码${digits}不在代码表中`);
}

/** `代码 名称`, the code alone or the name alone (docs/official-forms.md §5.1). */
export function codedParser<C extends string>(list: CodeList<C>): CellParser<C> {
  return (cell) => {
    if (typeof cell.value === 'number') return numericCode(cell.value, list);
    const text = cellText(cell);
    if (text === null) return ok(null);
    const parsed = parseCodedCell(text, list);
    return parsed.ok ? ok(parsed.code) : fail(parsed.message);
  };
}

export const LATEST_DATE: IsoDate = '2099-12-31';

function checkDay(date: string, ctx: ParseContext, note?: string): Parsed<IsoDate> {
  if (!isIsoDate(date)) return fail(`不是有效日期（${date}）`);
  if (date < EARLIEST_BIRTH_DATE || date > LATEST_DATE)
    return fail('日期应在1900年1月1日至2099年12月31日之间');
  if (date > ctx.today) return fail('日期晚于今天');
  return ok(date, note);
}

function fromNumber(n: number, ctx: ParseContext): Parsed<IsoDate> {
  // 20170701 typed as a number.
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 20_991_231) return fromText(String(n), ctx, false);
  const date = serialToIsoDate(n, ctx.date1904);
  return date === null ? fail('不是有效日期') : checkDay(date, ctx);
}

const MONTH_NOTE = '只填写了年月，按当月1日记录';

function fromText(text: string, ctx: ParseContext, monthOk: boolean): Parsed<IsoDate> {
  const parsed = parseTextDate(text);
  if (parsed.kind === 'day') return checkDay(parsed.date, ctx);
  if (parsed.kind === 'month' && monthOk) return checkDay(parsed.date, ctx, MONTH_NOTE);
  if (parsed.kind === 'month') return fail('日期不完整，应填写年、月、日，例如2017-07-01');
  return fail('日期格式不正确，应为“年-月-日”，例如2017-07-01或2017年7月1日');
}

/**
 * A real date cell, an Excel serial number (a date cell read without its style), or a text date. With
 * `monthOk` (失去联系日期, year and month on the paper form) a year and month is read as the month's first day.
 */
export function dateParser(options: { monthOk?: boolean } = {}): CellParser<IsoDate> {
  return (cell, ctx) => {
    if (cell.value instanceof Date) {
      const date = dateCellToIso(cell.value);
      return date === null ? fail('不是有效日期') : checkDay(date, ctx);
    }
    if (typeof cell.value === 'number') return fromNumber(cell.value, ctx);
    const text = cellText(cell);
    return text === null ? ok(null) : fromText(text, ctx, options.monthOk === true);
  };
}

/** A whole number stored as a number (the template's 手机号 validation makes them so) reads as its digits. */
function phoneText(cell: CellInput): string | null {
  return typeof cell.value === 'number' ? numberText(cell.value) : cellText(cell);
}

export const mobileParser: CellParser<string> = (cell) => {
  const text = phoneText(cell);
  if (text === null) return ok(null);
  const phone = checkMobile(text);
  return phone.ok ? ok(phone.normalized) : fail(phone.message);
};

export const landlineParser: CellParser<string> = (cell) => {
  const text = phoneText(cell);
  if (text === null) return ok(null);
  const phone = checkLandline(text);
  return phone.ok ? ok(phone.normalized) : fail(phone.message);
};
