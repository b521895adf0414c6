import { type Denial, deny } from '../shared/index.ts';
import type { CodeReason } from './reasons.ts';

/**
 * Coded cells of the 2017 roster (docs/official-forms.md §5.1): written `代码␠名称` (`01 汉族`, `7 初中`,
 * `123 外出务工经商人员`). Codes are strings and leading zeros matter: `011` 公务员 ≠ `11` 农牧渔业生产人员.
 */
export type CodeEntry<C extends string = string> = {
  readonly code: C;
  readonly name: string;
  /** Other spellings met in real files (other systems' option lists, names without a suffix). */
  readonly aliases?: readonly string[];
};

export type CodeList<C extends string = string> = {
  /** What the column holds, for messages: 民族, 学历, 工作岗位. */
  readonly label: string;
  readonly entries: readonly CodeEntry<C>[];
};

export type CodedCell<C extends string = string> =
  | { readonly ok: true; readonly code: C }
  | Denial<CodeReason>;

const CELL_ARTICLE = '《党员基本信息汇总表》（2017）代码表';

/** Whitespace inside a cell, including the full-width space (U+3000) and no-break space. */
const SPACES = /[\s\u3000]+/;

/**
 * Full-width letters, digits and brackets fold to ASCII (NFKC) on both sides, so `０１` matches `01` and
 * `省(区、市)委党校大学` matches `省（区、市）委党校大学`.
 */
const fold = (text: string) => text.normalize('NFKC').trim();

function byCode<C extends string>(list: CodeList<C>, code: string): CodeEntry<C> | undefined {
  const wanted = fold(code).toUpperCase();
  return list.entries.find((e) => e.code === wanted);
}

function namesOf(entry: CodeEntry): string[] {
  return [entry.name, ...(entry.aliases ?? [])].map(fold);
}

function byName<C extends string>(list: CodeList<C>, name: string): CodeEntry<C>[] {
  const wanted = fold(name);
  return list.entries.filter((e) => namesOf(e).includes(wanted));
}

function example(list: CodeList): string {
  const first = list.entries[0];
  return first ? `，例如“${first.code} ${first.name}”` : '';
}

function failure(reason: CodeReason, message: string, list: CodeList): Denial<CodeReason> {
  return deny(reason, message, { article: CELL_ARTICLE, details: { list: list.label } });
}

function fromName<C extends string>(name: string, list: CodeList<C>): CodedCell<C> {
  const matches = byName(list, name);
  const [only] = matches;
  if (matches.length === 1 && only) return { ok: true, code: only.code };
  if (matches.length > 1) {
    const codes = matches.map((e) => e.code).join('、');
    return failure('code_ambiguous', `${list.label}名称对应多个代码（${codes}），请填写代码`, list);
  }
  return failure('code_unknown', `${list.label}应填写代码表中的代码或名称${example(list)}`, list);
}

/**
 * Reads a coded cell: `代码 名称` (split on the first run of whitespace, full-width space included), the code
 * alone or the name alone. Trims first: the template's own list strings carry a leading space. A code and a name
 * that name different entries are refused rather than guessed.
 */
export function parseCodedCell<C extends string>(raw: string, list: CodeList<C>): CodedCell<C> {
  const text = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (text === '') return failure('code_empty', `请填写${list.label}${example(list)}`, list);
  const split = SPACES.exec(text);
  if (!split) {
    const entry = byCode(list, text);
    return entry ? { ok: true, code: entry.code } : fromName(text, list);
  }
  const codePart = text.slice(0, split.index);
  const namePart = text.slice(split.index + split[0].length);
  const entry = byCode(list, codePart);
  if (!entry) return fromName(text, list);
  if (namesOf(entry).includes(fold(namePart))) return { ok: true, code: entry.code };
  return failure(
    'code_name_mismatch',
    `${list.label}代码与名称不一致：代码${entry.code}对应“${entry.name}”，请核对`,
    list,
  );
}

/** `代码 名称`, the form the template writes and the exporter should write back. Throws on an unknown code. */
export function formatCodedCell<C extends string>(code: C, list: CodeList<C>): string {
  const entry = list.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`unknown ${list.label} code: ${code}`);
  return `${entry.code} ${entry.name}`;
}

/** The entry's name for a code, or undefined. */
export function findCodeName<C extends string>(code: string, list: CodeList<C>): string | undefined {
  return list.entries.find((e) => e.code === code)?.name;
}
