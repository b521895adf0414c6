import type { EntryKind } from './ledger-periods.ts';
import type { MemberEventKind } from './member-events.ts';
import { LEFT_REASON_LABELS, LEFT_REASONS, type LeftReason } from './member-status.ts';

/**
 * 增减台账 (membership ledger) of an org's subtree over a period, derived from the member events, in the lines of
 * 党统 T1 (docs/membership.md §8; docs/official-forms.md §8.1). A member counts while in 党员总数 (COUNTED_STATUSES,
 * docs/membership.md §1) and placed inside the subtree; 停止党籍 takes them off the count until restored (条例第二十四条).
 * Every event records the state before and after, so each event moves the count by −1, 0 or +1 for a given subtree;
 * moves between two orgs inside the subtree are internal and move nothing.
 */

/** One group of events that moved the count: their kind, left reason, whether inside the period, direction. */
export type LedgerMove = {
  readonly kind: MemberEventKind;
  readonly leftReason: string | null;
  /** A 自行脱党除名 of a member 经多方查找确实无法取得联系 (T10's sub-count). */
  readonly unreachable?: boolean;
  /** How a `registered` member arrived (its details' `enteredBy`); null for those recorded before it was kept. */
  readonly enteredBy?: string | null;
  readonly inPeriod: boolean;
  /** +1 into the count, −1 out of it. */
  readonly sign: 1 | -1;
  readonly count: number;
};

export type Ledger = {
  readonly opening: number;
  /** T1 本年增加: 发展党员, 恢复党籍, 转入组织关系, and 其他 (a kind that should not cross the line). */
  readonly increases: {
    /** 发展党员: members admitted in the subtree (arrived as `admitted` or `readmitted`). */
    readonly registered: number;
    /** 其中 重新入党 (T1's sub-count). */
    readonly readmitted: number;
    readonly restored: number;
    readonly transferredIn: number;
    /** 其他增加, 建库 included. */
    readonly other: number;
    /** 其中 建库: arrivals by the initial load of the roster (T1 has no line for them: under 其他). */
    readonly initialLoad: number;
    readonly total: number;
  };
  /** T1 本年减少: 出党 (by its T10 category), 停止党籍, 死亡, 转出组织关系, and 其他. */
  readonly decreases: {
    /** 出党, all categories. */
    readonly left: number;
    /** 出党 by T10 category. */
    readonly leftBy: Record<LeftReason, number>;
    /** 其中 自行脱党除名 无法取得联系. */
    readonly leftUnreachable: number;
    readonly suspended: number;
    readonly died: number;
    readonly transferredOut: number;
    readonly other: number;
    readonly total: number;
  };
  /** 期末应有数: opening + increases − decreases. */
  readonly closing: number;
};

type IncreaseColumn = 'registered' | 'restored' | 'transferredIn' | 'other';
type DecreaseColumn = 'suspended' | 'died' | 'transferredOut' | 'other';

/**
 * The kinds that can move the count, by side. The others (转正, 延长预备期, 失联 and its end, 人员类别变更) never
 * cross the 在册 line; one that did (a record corrected by hand) would stay visible as 其他 so that the sums hold.
 */
const INCREASE_OF: Partial<Record<MemberEventKind, IncreaseColumn>> = {
  registered: 'registered',
  org_changed: 'transferredIn',
  restored: 'restored',
};
const DECREASE_OF: Partial<Record<MemberEventKind, DecreaseColumn>> = {
  suspended: 'suspended',
  died: 'died',
  org_changed: 'transferredOut',
  transferred_out: 'transferredOut',
};

/**
 * The T1 line of a member's arrival in the records (docs/membership.md §8): 发展 and 重新入党 under 发展党员, 转入 from
 * outside under 转入, 恢复党籍 under its line, 建库 under 其他 with its own sub-count. A member recorded before the
 * arrival was kept (no `enteredBy`) stays under 发展党员, as it was counted then.
 */
const ARRIVAL_COLUMN: Record<EntryKind, IncreaseColumn> = {
  admitted: 'registered',
  readmitted: 'registered',
  transferred_in: 'transferredIn',
  restored: 'restored',
  initial_load: 'other',
};
const SUB_COUNT: Partial<Record<EntryKind, 'readmitted' | 'initialLoad'>> = {
  readmitted: 'readmitted',
  initial_load: 'initialLoad',
};
const SUB_COUNT_LABELS = { readmitted: '重新入党', initialLoad: '建库' } as const;

function arrivalOf(enteredBy: string | null | undefined): EntryKind | null {
  return enteredBy && enteredBy in ARRIVAL_COLUMN ? (enteredBy as EntryKind) : null;
}

/** Where one event that moved the count goes in the ledger: a column on the increase or the decrease side. */
export type LedgerCategory =
  | {
      readonly side: 'increase';
      readonly column: IncreaseColumn;
      /** 其中 重新入党 / 其中 建库. */
      readonly sub?: 'readmitted' | 'initialLoad';
    }
  | { readonly side: 'decrease'; readonly column: 'left'; readonly leftReason: LeftReason }
  | { readonly side: 'decrease'; readonly column: DecreaseColumn };

/**
 * The ledger column of an event: an org change is 转入 or 转出 depending on the side of the subtree it crossed;
 * 出党 is counted by its T10 category; 死亡 is its own column; a kind that should not cross the 在册 line stays
 * visible as 其他 (so the sums hold).
 */
export function ledgerCategoryOf(
  move: Pick<LedgerMove, 'kind' | 'leftReason' | 'sign' | 'enteredBy'>,
): LedgerCategory {
  if (move.sign === 1) {
    const arrival = move.kind === 'registered' ? arrivalOf(move.enteredBy) : null;
    if (arrival === null) return { side: 'increase', column: INCREASE_OF[move.kind] ?? 'other' };
    const sub = SUB_COUNT[arrival];
    return { side: 'increase', column: ARRIVAL_COLUMN[arrival], ...(sub ? { sub } : {}) };
  }
  if (move.kind === 'left' && (LEFT_REASONS as readonly string[]).includes(move.leftReason ?? '')) {
    return { side: 'decrease', column: 'left', leftReason: move.leftReason as LeftReason };
  }
  return { side: 'decrease', column: DECREASE_OF[move.kind] ?? 'other' };
}

/** The T1 names of the columns (docs/official-forms.md §8.1), in T1's order. */
export const LEDGER_INCREASE_LABELS: Record<IncreaseColumn, string> = {
  registered: '发展党员',
  restored: '恢复党籍',
  transferredIn: '转入',
  other: '其他增加',
};
export const LEDGER_DECREASE_LABELS: Record<'left' | DecreaseColumn, string> = {
  left: '出党',
  suspended: '停止党籍',
  died: '死亡',
  transferredOut: '转出',
  other: '其他减少',
};

/** The Chinese name of a ledger column, as the 台账 page and its workbook print it (出党 with its category). */
export function ledgerCategoryLabel(category: LedgerCategory): string {
  if (category.side === 'increase') {
    const label = LEDGER_INCREASE_LABELS[category.column];
    return category.sub ? `${label}（${SUB_COUNT_LABELS[category.sub]}）` : label;
  }
  if (category.column === 'left') return `出党（${LEFT_REASON_LABELS[category.leftReason]}）`;
  return LEDGER_DECREASE_LABELS[category.column];
}

function emptyLedger() {
  return {
    opening: 0,
    increases: {
      registered: 0,
      readmitted: 0,
      restored: 0,
      transferredIn: 0,
      other: 0,
      initialLoad: 0,
      total: 0,
    },
    decreases: {
      left: 0,
      leftBy: Object.fromEntries(LEFT_REASONS.map((r) => [r, 0])) as Record<LeftReason, number>,
      leftUnreachable: 0,
      suspended: 0,
      died: 0,
      transferredOut: 0,
      other: 0,
      total: 0,
    },
    closing: 0,
  };
}

/** Opening, increases and decreases by T1 line within the period, closing: opening + increases − decreases. */
export function ledgerFromMoves(moves: readonly LedgerMove[]): Ledger {
  const l = emptyLedger();
  for (const m of moves) {
    if (!m.inPeriod) {
      l.opening += m.sign * m.count;
      continue;
    }
    const category = ledgerCategoryOf(m);
    if (category.side === 'increase') {
      l.increases[category.column] += m.count;
      if (category.sub) l.increases[category.sub] += m.count;
      l.increases.total += m.count;
    } else {
      if (category.column === 'left') {
        l.decreases.left += m.count;
        l.decreases.leftBy[category.leftReason] += m.count;
        if (m.unreachable) l.decreases.leftUnreachable += m.count;
      } else l.decreases[category.column] += m.count;
      l.decreases.total += m.count;
    }
  }
  l.closing = l.opening + l.increases.total - l.decreases.total;
  return l;
}
