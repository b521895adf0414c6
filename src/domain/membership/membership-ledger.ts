import type { MemberEventKind } from './member-events.ts';
import { LEFT_REASON_LABELS, LEFT_REASONS, type LeftReason, type MemberStatus } from './member-status.ts';

/**
 * 增减台账 (membership ledger) of an org's subtree over a period, derived from the member events. A member
 * counts (在册) while probationary, full or unreachable and placed inside the subtree; 停止党籍 takes them off
 * the count until restored (条例第二十四条). Every event records the state before and after, so each event
 * moves the count by −1, 0 or +1 for a given subtree; moves between two orgs inside the subtree are internal
 * and move nothing.
 */
export const LEDGER_STATUSES: readonly MemberStatus[] = ['probationary', 'full', 'unreachable'];

/** One group of events that moved the count: their kind, left reason, whether inside the period, direction. */
export type LedgerMove = {
  readonly kind: MemberEventKind;
  readonly leftReason: string | null;
  readonly inPeriod: boolean;
  /** +1 into the count, −1 out of it. */
  readonly sign: 1 | -1;
  readonly count: number;
};

export type Ledger = {
  readonly opening: number;
  readonly increases: {
    readonly registered: number;
    readonly transferredIn: number;
    readonly restored: number;
    readonly other: number;
    readonly total: number;
  };
  readonly decreases: {
    readonly left: Record<LeftReason, number>;
    readonly suspended: number;
    readonly transferredOut: number;
    readonly other: number;
    readonly total: number;
  };
  readonly closing: number;
};

/**
 * The kinds that can move the count, by side. The others (转正, 延长预备期, 失联 and its end, 人员类别变更) never
 * cross the 在册 line; one that did (a record corrected by hand) would stay visible as 其他 so that the sums hold.
 */
const INCREASE_OF: Partial<Record<MemberEventKind, 'registered' | 'transferredIn' | 'restored'>> = {
  registered: 'registered',
  org_changed: 'transferredIn',
  restored: 'restored',
};
const DECREASE_OF: Partial<Record<MemberEventKind, 'suspended' | 'transferredOut'>> = {
  suspended: 'suspended',
  org_changed: 'transferredOut',
  transferred_out: 'transferredOut',
};

/** Where one event that moved the count goes in the ledger: a column on the increase or the decrease side. */
export type LedgerCategory =
  | { readonly side: 'increase'; readonly column: keyof Omit<Ledger['increases'], 'total'> }
  | { readonly side: 'decrease'; readonly column: 'left'; readonly leftReason: LeftReason }
  | { readonly side: 'decrease'; readonly column: keyof Omit<Ledger['decreases'], 'total' | 'left'> };

/**
 * The ledger column of an event: an org change is 转入 or 转出 depending on the side of the subtree it crossed;
 * 出党 is counted by its reason; a kind that should not cross the 在册 line stays visible as 其他 (so the sums hold).
 */
export function ledgerCategoryOf(move: Pick<LedgerMove, 'kind' | 'leftReason' | 'sign'>): LedgerCategory {
  if (move.sign === 1) return { side: 'increase', column: INCREASE_OF[move.kind] ?? 'other' };
  if (move.kind === 'left' && (LEFT_REASONS as readonly string[]).includes(move.leftReason ?? '')) {
    return { side: 'decrease', column: 'left', leftReason: move.leftReason as LeftReason };
  }
  return { side: 'decrease', column: DECREASE_OF[move.kind] ?? 'other' };
}

const INCREASE_LABELS: Record<keyof Omit<Ledger['increases'], 'total'>, string> = {
  registered: '新增党员',
  transferredIn: '转入',
  restored: '恢复党籍',
  other: '其他增加',
};
const DECREASE_LABELS: Record<keyof Omit<Ledger['decreases'], 'total' | 'left'>, string> = {
  suspended: '停止党籍',
  transferredOut: '转出',
  other: '其他减少',
};

/** The Chinese name of a ledger column, as the 台账 page and its workbook print it (出党 by its reason). */
export function ledgerCategoryLabel(category: LedgerCategory): string {
  if (category.side === 'increase') return INCREASE_LABELS[category.column];
  if (category.column === 'left') return `出党（${LEFT_REASON_LABELS[category.leftReason]}）`;
  return DECREASE_LABELS[category.column];
}

function emptyLedger() {
  return {
    opening: 0,
    increases: { registered: 0, transferredIn: 0, restored: 0, other: 0, total: 0 },
    decreases: {
      left: Object.fromEntries(LEFT_REASONS.map((r) => [r, 0])) as Record<LeftReason, number>,
      suspended: 0,
      transferredOut: 0,
      other: 0,
      total: 0,
    },
    closing: 0,
  };
}

/** Opening, increases and decreases by kind within the period, closing: opening + increases − decreases. */
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
      l.increases.total += m.count;
    } else {
      if (category.column === 'left') l.decreases.left[category.leftReason] += m.count;
      else l.decreases[category.column] += m.count;
      l.decreases.total += m.count;
    }
  }
  l.closing = l.opening + l.increases.total - l.decreases.total;
  return l;
}
