import {
  BASE_KINDS_BY_CATEGORY,
  type BaseEntry,
  type BaseItem,
  type BaseKind,
  baseFigures,
  type DuesRuleSet,
  decideBase,
  formatYuan,
  monthlyDues,
  parseYuan,
} from '../../../domain/dues/index.ts';
import type { BaseRowInput, BaseSheetRow } from '../../api/dues-bases.ts';

/**
 * A row of the 党费计算基数 sheet as edited in the browser: items typed in 元 (parsed to 分 without floats), the base
 * and the monthly dues recomputed live by the same domain functions the server decides with (docs/dues.md §2, §3).
 */
/** `key`: the row's identity in the editor while items are added and removed. */
export type ItemDraft = { key: number; label: string; yuan: string; counted: boolean };

let lastKey = 0;
/** A new empty item. */
export const newItem = (label = ''): ItemDraft => ({ key: ++lastKey, label, yuan: '', counted: true });
export type BaseDraft = {
  kind: BaseKind;
  fromMonth: string;
  items: ItemDraft[];
  taxYuan: string;
  note: string;
};

const yuanOf = (fen: number) => formatYuan(fen).replaceAll(',', '');

/** The draft a row opens with: its base in force, or an empty one of the kind its category takes. */
export function draftOf(row: BaseSheetRow, month: string): BaseDraft {
  if (row.base) {
    return {
      kind: row.base.kind,
      fromMonth: row.base.fromMonth,
      items: row.base.items.map((i) => ({ ...newItem(i.label), yuan: yuanOf(i.amount), counted: i.counted })),
      taxYuan: yuanOf(row.base.incomeTax),
      note: row.base.note ?? '',
    };
  }
  const kind = BASE_KINDS_BY_CATEGORY[row.category][0] ?? 'salary';
  const first =
    kind === 'pension' ? '基本养老金' : kind === 'quarter_average' ? '上季度纯收入合计' : '基本工资';
  return {
    kind,
    fromMonth: month,
    items: [newItem(first)],
    taxYuan: '',
    note: '',
  };
}

export type DraftCheck =
  | { ok: true; entry: BaseEntry; amount: number; dues: number | null; warnings: string[] }
  | { ok: false; message: string };

/** The draft parsed and decided: the base and the monthly dues it gives, or why it cannot be saved. */
export function checkDraft(draft: BaseDraft, row: BaseSheetRow, rules: DuesRuleSet | undefined): DraftCheck {
  const items: BaseItem[] = [];
  for (const i of draft.items) {
    if (i.label.trim() === '' && i.yuan.trim() === '') continue;
    if (i.label.trim() === '') return { ok: false, message: '请填写项目名称' };
    const fen = parseYuan(i.yuan === '' ? '0' : i.yuan);
    if (fen === null) return { ok: false, message: `“${i.label}”的金额应为元，最多两位小数` };
    items.push({ label: i.label.trim(), amount: fen, counted: i.counted });
  }
  const tax = parseYuan(draft.taxYuan === '' ? '0' : draft.taxYuan);
  if (tax === null) return { ok: false, message: '个人所得税应为元，最多两位小数' };
  const entry: BaseEntry = { kind: draft.kind, items, incomeTax: tax };
  const decision = decideBase(entry, {
    fromMonth: draft.fromMonth,
    category: row.category,
    workPost: row.workPost,
  });
  if (!decision.ok) return { ok: false, message: decision.message };
  const dues = rules ? monthlyDues(row.category, decision.amount, rules) : null;
  return {
    ok: true,
    entry,
    amount: baseFigures(entry).amount,
    dues: dues && dues.kind !== 'no_base' ? dues.amount : null,
    warnings: decision.warnings.map((w) => w.message),
  };
}

/** The batch row of a checked draft; the version when it replaces the base of the same month. */
export function rowInput(row: BaseSheetRow, draft: BaseDraft, entry: BaseEntry): BaseRowInput {
  const replaces = row.base && row.base.fromMonth === draft.fromMonth ? { version: row.base.version } : {};
  return {
    memberId: row.memberId,
    fromMonth: draft.fromMonth,
    kind: entry.kind,
    items: entry.items.map((i) => ({ ...i })),
    incomeTax: entry.incomeTax,
    note: draft.note.trim() || null,
    ...replaces,
  };
}
