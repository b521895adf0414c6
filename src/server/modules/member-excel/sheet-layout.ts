import type { ImportFormat } from '../../../contracts/member-import.ts';
import { type CellInput, cellText, trimCell } from '../../excel/cells.ts';
import { type ColumnKey, MEMBER_COLUMNS } from './members.excel.ts';

/**
 * Finding the member table in a sheet by its header, not by the sheet's name (docs/official-forms.md §4.2):
 * the Jiceng template has one header row; the 2017 汇总表 has a title, a 基层党委 / 汇总日期 row and a
 * two-row header where 联系电话 spans 手机号 / 固定电话. Code sheets and the 说明 sheet have no such header.
 */

/** Columns that are read but hold no member data: 序号, an optional trailing 备注, our 错误说明. */
export type ExtraKey = 'seq' | 'remark' | 'errorNote';
export type FieldKey = ColumnKey | ExtraKey;

export type SheetLayout = {
  readonly name: string;
  readonly format: ImportFormat;
  /** The Excel row number of the (first) header row. */
  readonly headerRow: number;
  /** Rows up to and including the header, as text (copied into the error workbook). */
  readonly preamble: readonly (readonly string[])[];
  /** 1-based column index → field. */
  readonly fields: ReadonlyMap<number, FieldKey>;
  /** Each member column present, with its index and its header as the file writes it. */
  readonly columns: ReadonlyMap<ColumnKey, { readonly index: number; readonly label: string }>;
  /** The width of the header: the error workbook's 错误说明 column goes after it. */
  readonly width: number;
};

/** How far down a sheet the header may start (title rows above it). */
export const HEADER_SCAN_ROWS = 10;
const EXTRA_LABELS: Record<string, ExtraKey> = { 序号: 'seq', 备注: 'remark', 错误说明: 'errorNote' };
const EXTRA_LABELS_BY_KEY: Record<ExtraKey, true> = { seq: true, remark: true, errorNote: true };

/** Labels compare without spaces, full-width forms or a parenthesized hint (`所在党支部（填写全称）`). */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[：:*]/g, '');
}

/** A label with its hint kept: `人员类别（在职/离退休等）` and `人员类别（正式党员/预备党员）` are two columns. */
const hinted = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[：:*]/g, '');

const labelsOf = (c: (typeof MEMBER_COLUMNS)[number]) => [
  c.header,
  c.official ?? c.header,
  ...(c.synonyms ?? []),
];

/** Labels whose hint names the column: matched before the hints are dropped. */
const HINTED_LABELS: ReadonlyMap<string, FieldKey> = new Map(
  MEMBER_COLUMNS.flatMap((c) =>
    labelsOf(c)
      .filter((l) => /[（(]/.test(l))
      .map((l) => [hinted(l), c.key] as const),
  ),
);

/**
 * Labels without their hint. Where two columns share one (人员类别: the 2017 form's 正式/预备, and the UI's
 * category in the Jiceng template, docs/official-forms.md §4.2), the 2017 form's meaning wins, then the
 * template's headers, then the other generation's synonyms.
 */
const LABELS: ReadonlyMap<string, FieldKey> = (() => {
  const map = new Map<string, FieldKey>();
  const add = (label: string, key: FieldKey) => {
    if (!map.has(normalizeLabel(label))) map.set(normalizeLabel(label), key);
  };
  for (const c of MEMBER_COLUMNS) if (c.official) add(c.official, c.key);
  for (const c of MEMBER_COLUMNS) add(c.header, c.key);
  for (const c of MEMBER_COLUMNS) for (const label of c.synonyms ?? []) add(label, c.key);
  for (const [label, key] of Object.entries(EXTRA_LABELS)) map.set(label, key);
  return map;
})();

export function fieldOfLabel(text: string): FieldKey | undefined {
  return HINTED_LABELS.get(hinted(text)) ?? LABELS.get(normalizeLabel(text));
}

const texts = (row: readonly CellInput[]) => row.map((c) => trimCell(c?.text ?? ''));

/** A header row names at least four member columns, among them 姓名 and the ID number. */
export function isHeaderRow(row: readonly CellInput[]): boolean {
  const keys = new Set(texts(row).map((t) => (t ? fieldOfLabel(t) : undefined)));
  const members = [...keys].filter((k) => k !== undefined && !(k in EXTRA_LABELS_BY_KEY));
  return members.length >= 4 && keys.has('name') && keys.has('idNumber');
}

/** The second header row of the 汇总表: it names a column under a group label of the first (联系电话). */
export function isSubHeaderRow(header: readonly CellInput[], next: readonly CellInput[]): boolean {
  const top = texts(header);
  return texts(next).some((t, i) => {
    if (!t || fieldOfLabel(t) === undefined) return false;
    const above = top[i] ?? '';
    return above === '' || fieldOfLabel(above) === undefined || normalizeLabel(above) === '联系电话';
  });
}

function fieldsOf(header: readonly CellInput[], sub: readonly CellInput[] | null) {
  const fields = new Map<number, FieldKey>();
  const columns = new Map<ColumnKey, { index: number; label: string }>();
  const top = texts(header);
  const bottom = sub ? texts(sub) : [];
  const width = Math.max(top.length, bottom.length);
  for (let i = 1; i < width; i++) {
    const label = bottom[i] || top[i] || '';
    const field = label ? fieldOfLabel(label) : undefined;
    if (field === undefined || [...fields.values()].includes(field)) continue;
    fields.set(i, field);
    if (!(field in EXTRA_LABELS_BY_KEY)) columns.set(field as ColumnKey, { index: i, label });
  }
  return { fields, columns, width: width - 1 };
}

/**
 * The layout of a sheet from its rows up to the header (and the row after it, for a two-row header).
 * The 2017 form is recognized by its two-row header, its 序号 column or its title block.
 */
export function layoutOf(
  name: string,
  headerRow: number,
  before: readonly (readonly CellInput[])[],
  header: readonly CellInput[],
  sub: readonly CellInput[] | null,
): SheetLayout {
  const { fields, columns, width } = fieldsOf(header, sub);
  const title = before.flatMap(texts).join('');
  const official = sub !== null || [...fields.values()].includes('seq') || /汇总表|基层党委/.test(title);
  const preamble = [...before, header, ...(sub ? [sub] : [])].map((row) => texts(row).slice(1));
  return {
    name,
    format: official ? 'official_2017' : 'template',
    headerRow,
    preamble,
    fields,
    columns,
    width,
  };
}

/** Rows that are not members: the 注 footnote, the template's 示例 row. */
export function isNoteOrExample(row: readonly CellInput[], layout: SheetLayout): boolean {
  const first = row.find((c) => c && cellText(c) !== null);
  if (first && /^注\s*[：:]/.test(trimCell(first.text))) return true;
  const name = layout.columns.get('name');
  const nameText = name ? trimCell(row[name.index]?.text ?? '') : '';
  return (
    nameText.startsWith('示例') ||
    [...layout.fields].some(([i, f]) => f === 'seq' && trimCell(row[i]?.text ?? '') === '示例')
  );
}

/** No member column holds anything (a pre-numbered 序号 alone does not count). */
export function isBlankRow(row: readonly CellInput[], layout: SheetLayout): boolean {
  for (const { index } of layout.columns.values()) {
    const cell = row[index];
    if (cell && cellText(cell) !== null) return false;
  }
  return true;
}
